package id.kanal.dialog;

import id.kanal.dialog.port.Commodity;
import id.kanal.dialog.port.Departure;
import id.kanal.dialog.port.PriceQuote;
import id.kanal.dialog.port.PriceService;
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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A region without a timetable (Kabupaten Tangerang) or without prices: its menu leaves the entry
 * out and keeps the other numbers; asking anyway, by number or by words, is answered politely.
 */
class ServiceMenuTest {
    private static final Instant NOW = Instant.parse("2026-11-22T03:00:00Z");
    private final MutableClock clock = new MutableClock(NOW);
    private final Address resident = new Address(Channel.SMS, "+6281234567890");
    private int ids;

    private DialogEngine engine(PriceService prices, ScheduleService schedules) {
        return new DialogEngine(DialogSettings.tangerang(), Texts.builtIn(), new DialogServices(new Fakes.Conversations(),
                new RecordingResidents(), new KeywordIntentClassifier(), new Fakes.Complaints(clock), prices, schedules), clock);
    }

    private Reply send(DialogEngine engine, String text) {
        return engine.handle(InboundMessage.text("SM" + ++ids, resident, text, clock.instant()));
    }

    @Test
    void noTimetable_menuWithoutItsEntry_numbersKept_askingAnywayIsAnsweredPolitely() {
        DialogEngine engine = engine(new Fakes.Prices(clock), NO_TIMETABLE);
        Reply menu = send(engine, "halo");
        assertFalse(menu.text().contains("Jadwal"), menu.text());
        assertTrue(menu.text().contains("3 Harga pangan\n5 Petugas"), menu.text());
        assertEquals(List.of("1", "2", "3", "5", "0"), menu.options().stream().map(Reply.Option::key).toList());
        assertEquals("Maaf, jadwal bus dan KRL belum tersedia di Kota Tangerang. Kirim MENU untuk layanan lain.",
                send(engine, "4").text());
        assertTrue(send(engine, "jadwal kereta dari poris").text().startsWith("Maaf, jadwal bus dan KRL belum tersedia"));
        assertTrue(send(engine, "3").text().startsWith("Harga apa"), "prices still offered");
    }

    @Test
    void noPrices_menuWithoutItsEntry_askingAnywayIsAnsweredPolitely() {
        DialogEngine engine = engine(NO_PRICES, new Fakes.Schedules());
        Reply menu = send(engine, "halo");
        assertTrue(menu.text().contains("\n4 Jadwal bus/KRL\n"), menu.text());
        assertFalse(menu.text().contains("Harga"), menu.text());
        assertTrue(send(engine, "harga beras").text().startsWith("Maaf, info harga pangan belum tersedia"));
    }

    @Test
    void without_everyLanguagesMenu_leavesOnlyTheEntry() {
        Replies replies = new Replies(Texts.builtIn(), DialogSettings.tangerang());
        for (Language language : Language.values()) {
            for (boolean greeting : new boolean[] {false, true}) {
                Reply full = replies.menu(language, greeting);
                Reply both = ServiceMenu.without(full, Set.of("3", "4"));
                assertFalse(both.text().contains("3 ") || both.text().contains("4 "), both.text());
                assertFalse(both.text().contains("\n\n"), both.text());
                assertTrue(both.text().contains("1 ") && both.text().contains("5 ") && both.text().contains("0 "), both.text());
                assertEquals(full.text().lines().count() - 1, both.text().lines().count(), both.text());
            }
        }
    }

    private static final PriceService NO_PRICES = new PriceService() {
        @Override
        public List<Commodity> commodities() {
            return List.of();
        }

        @Override
        public List<String> markets() {
            return List.of();
        }

        @Override
        public Optional<PriceQuote> latest(String commodity, Optional<String> market) {
            return Optional.empty();
        }

        @Override
        public List<PriceQuote> latestByMarket(String commodity) {
            return List.of();
        }
    };

    /** A region with no feed imported, as the timetable answers it. */
    private static final ScheduleService NO_TIMETABLE = new ScheduleService() {
        @Override
        public boolean hasTrips() {
            return false;
        }

        @Override
        public List<Stop> findStops(String query, int limit) {
            return List.of();
        }

        @Override
        public Optional<Stop> stop(String stopId) {
            return Optional.empty();
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
            return false;
        }

        @Override
        public Set<TransitMode> modes(String stopId) {
            return Set.of();
        }
    };
}
