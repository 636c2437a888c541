package id.kanal.channels.smpp;

import id.kanal.channels.testing.LogCapture;
import id.kanal.dialog.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reassembler over the in-memory ledger; a restart is a new reassembler over the same ledger. */
class ReassemblerTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T10:00:00Z"));
    private final SmppLedger ledger = SmppLedger.inMemory(m -> { });
    private final Reassembler reassembler = new Reassembler("op", ledger, WAIT, clock);
    private final List<Reassembler.Assembled> turns = new ArrayList<>();

    @Test
    void accept_partsOutOfOrder_handsOnTheWholeMessageOnce() {
        offer(part("+62811", 7, 3, 2, "b"));
        offer(part("+62811", 7, 3, 1, "a"));
        offer(part("+62811", 7, 3, 1, "a")); // sent twice
        assertEquals(List.of(), turns);
        assertEquals(2, ledger.heldParts("op").size(), "the part sent twice is held once");
        offer(part("+62811", 7, 3, 3, "c"));
        assertEquals(List.of("abc"), texts());
        assertFalse(turns.get(0).partial());
    }

    @Test
    void accept_sameRefFromTwoSenders_keptApart() {
        offer(part("+62811", 7, 2, 1, "a"));
        offer(part("+62822", 7, 2, 1, "x"));
        offer(part("+62822", 7, 2, 2, "y"));
        assertEquals(List.of("xy"), texts());
    }

    @Test
    void accept_singlePart_handedOnAtOnceAndNeverHeld() {
        offer(new SmppInbound.Part("+62811", "1708", "halo", Optional.empty()));
        assertEquals(List.of("halo"), texts());
        assertEquals(0, reassembler.waiting());
    }

    @Test
    void accept_firstPartBeforeARestartSecondAfter_oneWholeMessage() {
        offer(part("+62811", 5, 2, 1, "Jalan "));
        Reassembler afterRestart = new Reassembler("op", ledger, WAIT, clock);
        afterRestart.accept(part("+62811", 5, 2, 2, "rusak"), turns::add);
        assertEquals(List.of("Jalan rusak"), texts());
    }

    @Test
    void accept_partsOfAnotherLink_notMixedIn() {
        offer(part("+62811", 5, 2, 1, "a"));
        new Reassembler("other", ledger, WAIT, clock).accept(part("+62811", 5, 2, 2, "b"), turns::add);
        assertEquals(List.of(), turns);
        assertEquals(1, reassembler.waiting());
    }

    @Test
    void handOnExpired_siblingsNeverCome_handsOnWhatArrivedAfterTheWaitAndLogsIt() {
        try (LogCapture log = new LogCapture(Reassembler.class)) {
            offer(part("+62811", 9, 3, 1, "Jalan "));
            offer(part("+62811", 9, 3, 3, "rusak"));
            clock.advance(Duration.ofSeconds(29));
            reassembler.handOnExpired(turns::add);
            assertEquals(List.of(), turns);
            clock.advance(Duration.ofSeconds(1));
            reassembler.handOnExpired(turns::add);
            assertEquals(List.of("Jalan rusak"), texts());
            assertTrue(turns.get(0).partial());
            assertTrue(log.contains("2 of 3 parts"), log.messages().toString());
        }
    }

    @Test
    void handOnExpired_partsLeftByAPreviousRun_handedOnAfterTheWait() {
        offer(part("+62811", 9, 2, 1, "Jalan "));
        Reassembler afterRestart = new Reassembler("op", ledger, WAIT, clock);
        afterRestart.handOnExpired(turns::add);
        assertEquals(List.of(), turns, "the wait runs from the first part, not from the restart");
        clock.advance(WAIT);
        afterRestart.handOnExpired(turns::add);
        assertEquals(List.of("Jalan "), texts());
    }

    private void offer(SmppInbound.Part part) {
        reassembler.accept(part, turns::add);
    }

    private List<String> texts() {
        return turns.stream().map(Reassembler.Assembled::text).toList();
    }

    private static SmppInbound.Part part(String from, int ref, int total, int seq, String text) {
        return new SmppInbound.Part(from, "1708", text, Optional.of(new Concat(ref, total, seq)));
    }
}
