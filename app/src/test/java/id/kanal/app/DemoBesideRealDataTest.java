package id.kanal.app;

import id.kanal.services.ServicesBenchmark;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Issue 14: on a fresh data directory Kanal seeds the demo timetable, then the real KRL feed is
 * imported (what {@code import-gtfs ../shared/data/gtfs/krl-commuterline} does): the demo goes,
 * and no reply lists two choices that read the same.
 */
class DemoBesideRealDataTest {
    @TempDir
    Path dataDir;
    private KanalHarness kanal;

    @BeforeEach
    void start() {
        kanal = new KanalHarness(dataDir, Clock.fixed(Instant.parse("2026-11-22T03:00:00Z"), ZoneOffset.UTC), Map.of());
    }

    @AfterEach
    void stop() {
        kanal.close();
    }

    @Test
    void realFeedAfterDemo_stationTangerang_neverTwoChoicesThatReadTheSame() throws Exception {
        Optional<Path> shared = ServicesBenchmark.findSharedData(Path.of("").toAbsolutePath());
        Assumptions.assumeTrue(shared.isPresent() && shared.get().resolve("gtfs/krl-commuterline").toFile().exists(),
                "shared/data/gtfs/krl-commuterline not found: skipping");
        kanal.kanal().gtfsImporter().importPath(shared.get().resolve("gtfs/krl-commuterline"), n -> { });

        HttpResponse<String> res = kanal.sms("SM-krl-1", "+6281299990000", "jadwal kereta dari stasiun tangerang ke grogol");
        String reply = KanalHarness.replyText(res);
        List<String> choices = Arrays.stream(reply.split("\n")).filter(l -> l.matches("\\d+ .*"))
                .map(l -> l.substring(l.indexOf(' ') + 1)).toList();
        assertEquals(choices.stream().distinct().toList(), choices, reply);
        assertFalse(reply.contains("Ada beberapa yang cocok:\n1 Tangerang (TNG)\n2 Tangerang (TNG)"), reply);
        System.out.println("after the real feed: " + reply.replace("\n", " | "));
    }
}
