package id.kanal.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On SQLite, {@code import-prices} run beside a running server (its own Kanal on the same file, as
 * the command line opens one): the server quotes the new price without a restart.
 */
class CommandLineImportWhileServingTest extends KanalOnServer {
    private static final String RESIDENT = "+6281234567892";
    private static final String ASK = "harga kacang tanah di pasar kutabumi";

    private String say(String text) throws Exception {
        return KanalHarness.replyText(sms(RESIDENT, text));
    }

    @Test
    void importPricesCommand_whileTheServerRuns_isQuotedByTheServerWithoutARestart(@TempDir Path files) throws Exception {
        // The server has read (and cached) its board before the import.
        assertFalse(say(ASK).contains("Rp31.700"));
        Path csv = Files.writeString(files.resolve("harga.csv"),
                "date,market,commodity,unit,price\n2026-11-22,Pasar Kutabumi,kacang tanah,kg,31700\n");

        assertEquals(0, ImportCommands.importPrices(kanal.kanal().settings(), new String[]{csv.toString()}));

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (kanal.kanal().prices().latest("kacang tanah", Optional.of("Pasar Kutabumi"))
                .filter(q -> q.rupiah() == 31_700).isEmpty()) {
            assertTrue(System.nanoTime() < deadline, "the server's board never saw the command line's import");
            LockSupport.parkNanos(20_000_000);
        }
        assertTrue(say(ASK).contains("Rp31.700/kg"), "the server quotes it");
    }
}
