package id.kanal.app.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlternatingWindowsTest {
    @Test
    void rounds_alternateWhichBuildGoesFirst() {
        assertArrayEquals(new int[] {0, 1}, AlternatingWindows.order(0));
        assertArrayEquals(new int[] {1, 0}, AlternatingWindows.order(1));
        assertArrayEquals(new int[] {0, 1}, AlternatingWindows.order(2));
    }

    @Test
    void summary_givesBAgainstA_andTheRoundsBWon() {
        List<AlternatingWindows.Window> a = List.of(new AlternatingWindows.Window(10_000, 12.0, 110),
                new AlternatingWindows.Window(12_000, 10.0, 100));
        List<AlternatingWindows.Window> b = List.of(new AlternatingWindows.Window(11_000, 11.0, 105),
                new AlternatingWindows.Window(13_200, 9.0, 95));
        assertEquals("A: 11,000 turns/s, p99 11.0 ms, 105 us a turn; B: 12,100 turns/s, p99 10.0 ms, 100 us a turn; "
                + "B/A +10.0%, B ahead in 2 of 2 rounds", AlternatingWindows.summary(a, b));
    }

    @Test
    void ratioSummary_dividesTheMeans_andGivesTheRangeByRound() {
        List<AlternatingWindows.Window> sms = List.of(new AlternatingWindows.Window(15_000, 12.0, 110),
                new AlternatingWindows.Window(17_000, 10.0, 100));
        List<AlternatingWindows.Window> bare = List.of(new AlternatingWindows.Window(100_000, 3.0, 12),
                new AlternatingWindows.Window(60_000, 5.0, 16));
        assertEquals("SMS: 16,000 turns/s, p99 11.0 ms, 105 us a turn; bare: 80,000 requests/s, p99 4.0 ms, 14 us a "
                + "request; SMS/bare 20.0% (rounds 15.0-28.3%)", AlternatingWindows.ratioSummary(sms, bare));
    }

    @Test
    void noRounds_isRefusedBeforeAnyServerStarts() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BenchCommand.run(
                new String[] {"--ratio", "0"}, new PrintStream(new ByteArrayOutputStream())));
        assertTrue(e.getMessage().contains("at least one round"), e.getMessage());
    }

    @Test
    void aDirectoryWithoutABuild_isRefusedBeforeAnyServerStarts(@TempDir Path empty) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BenchCommand.run(
                new String[] {"--vs", empty.toString()}, new PrintStream(new ByteArrayOutputStream())));
        assertTrue(e.getMessage().contains("no kanal.jar there"), e.getMessage());
    }
}
