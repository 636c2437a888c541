package id.kanal.app;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A region's menu offers only what it has data for: Kabupaten Tangerang has no timetable, so its
 * menu has no "4 Jadwal bus/KRL" and a timetable question is told it is not available there yet;
 * Kota Tangerang (demo timetable) keeps the entry.
 */
class RegionMenuTest {
    @TempDir
    Path dataDir;
    @TempDir
    Path regionsDir;
    private KanalHarness kanal;
    private final AtomicInteger sids = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        RegionsEndToEndTest.dropInKabupaten(regionsDir);
        kanal = new KanalHarness(dataDir, Clock.fixed(Instant.parse("2026-11-22T03:00:00Z"), ZoneOffset.UTC),
                Map.of("KANAL_REGIONS_DIR", regionsDir.toString()));
    }

    @AfterEach
    void stop() {
        kanal.close();
    }

    private String say(String to, String text) throws Exception {
        return RegionsEndToEndTest.say(kanal, "SM" + sids.incrementAndGet(), to, text);
    }

    @Test
    void kabupatenWithoutTimetable_menuLeavesItOut_askingAnywayIsNotAvailableYet() throws Exception {
        assertTrue(say(RegionsEndToEndTest.KOTA_NUMBER, "halo").contains("4 Jadwal bus/KRL"));
        String kab = say(RegionsEndToEndTest.KAB_NUMBER, "halo");
        assertTrue(kab.contains("Layanan Kabupaten Tangerang"), kab);
        assertFalse(kab.contains("Jadwal"), kab);
        assertTrue(kab.contains("5 Petugas"), kab);
        String asked = say(RegionsEndToEndTest.KAB_NUMBER, "jadwal krl dari tangerang ke duri");
        assertTrue(asked.startsWith("Maaf, jadwal bus dan KRL belum tersedia di Kabupaten Tangerang."), asked);
        System.out.println("kabupaten menu: " + kab.replace("\n", " | "));
    }
}
