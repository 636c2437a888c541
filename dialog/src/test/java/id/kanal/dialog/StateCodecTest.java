package id.kanal.dialog;

import id.kanal.dialog.port.Trip;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StateCodecTest {
    @Test
    void encodeDecode_everyState_roundTrips() {
        ComplaintDraft d = new ComplaintDraft(Optional.of("sampah"), Optional.of("Jl. Merdeka & Jl. Sudirman = 5%"),
                Optional.of("bau\nsekali"), Optional.of(new GeoPoint(-6.17, 106.63)),
                List.of(new Media("https://api.twilio.com/x?a=1&b=2", "image/jpeg")));
        List<State> states = List.of(State.MENU, new State.ChoosingCategory(ComplaintDraft.empty()),
                new State.AskingLocation(d), new State.AskingDescription(d), new State.Confirming(d),
                new State.AskingTicket(List.of("TNG-000001", "TNG-000002")), new State.ChoosingLanguage(),
                new State.OfferingResume(d), new State.AskingCommodity(Optional.of("Pasar Anyar")),
                new State.AskingStop(TripQuery.empty().withToWords("duri")),
                new State.AskingStop(TripQuery.empty().with(Trip.Which.LAST,
                        Optional.of(id.kanal.dialog.port.TransitMode.RAIL)).withToWords("duri")),
                new State.ChoosingStop(TripQuery.empty().with(Trip.Which.FIRST,
                        Optional.of(id.kanal.dialog.port.TransitMode.BUS)).withToWords("cikokol"), true, List.of("PI", "PP")),
                new State.ChoosingStop(TripQuery.empty().withFrom("krl:TNG"), false, List.of("krl:DU", "tj:B01")),
                new State.OfferingAgent(), new State.Queued("asked", java.time.Instant.parse("2026-11-22T03:00:00Z")),
                new State.WithAgent("siti", java.time.Instant.parse("2026-11-22T03:05:00Z")),
                new State.ChoosingPack(), new State.ReadingPack("lowongan-kerja", "operator cipondoh & co", 8),
                new State.ReadingPack("wisata", "", 0));
        for (State s : states) {
            assertEquals(s, StateCodec.decode(StateCodec.encode(s)));
        }
    }

    @Test
    void decode_tripSavedBeforeWhichAndMode_readsAsNextDeparturesAnyMode() {
        State s = StateCodec.decode("type=asking-stop&from=krl%3ATNG");
        assertEquals(new State.AskingStop(TripQuery.empty().withFrom("krl:TNG")), s);
    }

    @Test
    void decode_garbage_readsAsMenu() {
        assertEquals(State.MENU, StateCodec.decode("type=confirming&point=abc"));
        assertEquals(State.MENU, StateCodec.decode("%%%"));
        assertEquals(State.MENU, StateCodec.decode("type=from-the-future"));
    }
}
