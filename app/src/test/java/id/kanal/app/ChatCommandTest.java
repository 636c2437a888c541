package id.kanal.app;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code chat} in a deployment of two regions (Kabupaten Tangerang's file dropped into
 * {@code KANAL_REGIONS_DIR}): the region is chosen the way the server chooses it, by the identity
 * written to ({@code --to}), or by name ({@code --region}); the default region without either.
 */
class ChatCommandTest {
    @TempDir
    Path dataDir;
    @TempDir
    Path regionsDir;
    private KanalHarness kanal;

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

    private String chat(String lines, String... args) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ChatCommand.converse(kanal.kanal(), ChatCommand.Options.parse(args), new BufferedReader(new StringReader(lines)),
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void to_theKabupatensShortCode_itsRegionAnswersAndFilesUnderItsPrefix() throws Exception {
        String shown = chat("halo\nsampah numpuk di desa cikupa\nya\n", "--from", "081234567890", "--to", "95222");
        assertTrue(shown.startsWith("Chatting as +6281234567890 on sms to 95222 (Kabupaten Tangerang)"), shown);
        assertTrue(shown.contains("Layanan Kabupaten Tangerang"), shown);
        assertTrue(shown.contains("Laporan KAB-000001"), shown);
        // The same resident without --to is the default region's, with a conversation of its own.
        String kota = chat("halo\n", "--from", "081234567890");
        assertTrue(kota.contains("(Kota Tangerang)") && kota.contains("Layanan Kota Tangerang"), kota);
    }

    @Test
    void region_byCode_onUssd_theRegionsMenu() throws Exception {
        String shown = chat("halo\n", "--channel", "ussd", "--region", "kabupaten-tangerang");
        assertTrue(shown.contains("Layanan Kabupaten Tangerang"), shown);
    }

    @Test
    void to_anIdentityNoRegionClaims_refusedWithTheClaimedOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> chat("halo\n", "--to", "95333"));
        assertTrue(e.getMessage().startsWith("no region claims 95333 on sms"), e.getMessage());
        assertTrue(e.getMessage().contains("kabupaten-tangerang=") && e.getMessage().contains("95222"), e.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> chat("halo\n", "--region", "kabupaten-serang"));
        assertEquals("unknown region: kabupaten-serang (this deployment has kota-tangerang, kabupaten-tangerang)",
                unknown.getMessage());
    }
}
