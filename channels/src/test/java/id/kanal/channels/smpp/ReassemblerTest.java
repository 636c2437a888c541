package id.kanal.channels.smpp;

import id.kanal.channels.testing.LogCapture;
import id.kanal.dialog.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReassemblerTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T10:00:00Z"));
    private final Reassembler reassembler = new Reassembler(Duration.ofSeconds(30), clock);

    @Test
    void offer_partsOutOfOrder_handsOnTheWholeMessageOnce() {
        assertEquals(Optional.empty(), reassembler.offer(part("+62811", 7, 3, 2, "b")));
        assertEquals(Optional.empty(), reassembler.offer(part("+62811", 7, 3, 1, "a")));
        assertEquals(Optional.empty(), reassembler.offer(part("+62811", 7, 3, 1, "a"))); // sent twice
        assertEquals("abc", reassembler.offer(part("+62811", 7, 3, 3, "c")).orElseThrow().text());
        assertEquals(0, reassembler.waiting());
    }

    @Test
    void offer_sameRefFromTwoSenders_keptApart() {
        reassembler.offer(part("+62811", 7, 2, 1, "a"));
        reassembler.offer(part("+62822", 7, 2, 1, "x"));
        assertEquals("xy", reassembler.offer(part("+62822", 7, 2, 2, "y")).orElseThrow().text());
        assertEquals(1, reassembler.waiting());
    }

    @Test
    void expired_siblingsNeverCome_handsOnWhatArrivedAfterTheWaitAndLogsIt() {
        try (LogCapture log = new LogCapture(Reassembler.class)) {
            reassembler.offer(part("+62811", 9, 3, 1, "Jalan "));
            reassembler.offer(part("+62811", 9, 3, 3, "rusak"));
            clock.advance(Duration.ofSeconds(29));
            assertEquals(List.of(), reassembler.expired());
            clock.advance(Duration.ofSeconds(1));
            List<Reassembler.Assembled> out = reassembler.expired();
            assertEquals(1, out.size());
            assertEquals("Jalan rusak", out.get(0).text());
            assertTrue(out.get(0).partial());
            assertTrue(log.contains("2 of 3 parts"), log.messages().toString());
        }
    }

    private static SmppInbound.Part part(String from, int ref, int total, int seq, String text) {
        return new SmppInbound.Part(from, "1708", text, Optional.of(new Concat(ref, total, seq)));
    }
}
