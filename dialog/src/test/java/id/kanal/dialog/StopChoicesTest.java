package id.kanal.dialog;

import id.kanal.dialog.port.Departure;
import id.kanal.dialog.port.ScheduleService;
import id.kanal.dialog.port.Stop;
import id.kanal.dialog.port.TransitMode;
import id.kanal.dialog.testing.MutableClock;
import id.kanal.dialog.testing.RecordingResidents;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Issue 14: a list of stops never holds two choices that read the same. */
class StopChoicesTest {
    private static final Stop KRL_TNG = new Stop("krl:TNG", "Tangerang", Optional.of("TNG"));
    private static final Stop OTHER_TNG = new Stop("other:TNG", "Tangerang", Optional.of("TNG"));
    private static final Stop BUS_TNG = new Stop("bus:TNG", "Tangerang", Optional.of("TNG"));

    @Test
    void sameNameInTwoFeeds_feedTellsThemApart() {
        assertEquals("Ada beberapa yang cocok:\n1 Tangerang (TNG), krl\n2 Tangerang (TNG), other\nBalas dengan angka.",
                ask(List.of(KRL_TNG, OTHER_TNG)));
    }

    @Test
    void sameNameTrainAndBus_kindOfTransportTellsThemApart() {
        assertEquals("Ada beberapa yang cocok:\n1 Tangerang (TNG), Kereta\n2 Tangerang (TNG), Bus\nBalas dengan angka.",
                ask(List.of(KRL_TNG, BUS_TNG)));
    }

    private static String ask(List<Stop> found) {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-22T03:00:00Z"));
        DialogEngine engine = new DialogEngine(DialogSettings.tangerang(), Texts.builtIn(),
                new DialogServices(new Fakes.Conversations(), new RecordingResidents(), new KeywordIntentClassifier(),
                        new Fakes.Complaints(clock), new Fakes.Prices(clock), new Twins(found)), clock);
        Address resident = new Address(Channel.SMS, "+6281234567890");
        return engine.handle(InboundMessage.text("SM1", resident, "jadwal dari tang", clock.instant())).text();
    }

    /** A timetable whose every search finds the same few stops. */
    private record Twins(List<Stop> stops) implements ScheduleService {
        @Override
        public List<Stop> findStops(String query, int limit) {
            return stops;
        }

        @Override
        public Optional<Stop> stop(String stopId) {
            return stops.stream().filter(s -> s.id().equals(stopId)).findFirst();
        }

        @Override
        public List<Departure> nextDepartures(String from, Optional<String> to, LocalDateTime after, int limit) {
            return List.of();
        }

        @Override
        public List<Departure> firstDepartures(String from, Optional<String> to, LocalDate day, int limit) {
            return List.of();
        }

        @Override
        public List<Departure> lastDepartures(String from, Optional<String> to, LocalDate day, int limit) {
            return List.of();
        }

        @Override
        public boolean connects(String from, String to) {
            return true;
        }

        @Override
        public Set<TransitMode> modes(String stopId) {
            return Set.of(stopId.startsWith("bus") ? TransitMode.BUS : TransitMode.RAIL);
        }
    }
}
