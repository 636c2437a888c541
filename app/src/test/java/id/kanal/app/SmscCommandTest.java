package id.kanal.app;

import id.kanal.channels.testing.LogCapture;
import id.kanal.dialog.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The two-terminal demo in one test: the {@code smsc} prompt on one side, a real Kanal bound to it on the other. */
class SmscCommandTest {
    private static final Pattern PORT = Pattern.compile("127\\.0\\.0\\.1:(\\d+)");
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dataDir;

    @Test
    void prompt_smsAndUssdTypedAsTheResident_kanalsAnswersPrinted() throws Exception {
        PipedOutputStream typing = new PipedOutputStream();
        PipedInputStream stdin = new PipedInputStream(typing);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream stdout = new PrintStream(printed, true, StandardCharsets.UTF_8);
        CompletableFuture<Integer> smsc = CompletableFuture.supplyAsync(() -> {
            try {
                return SmscCommand.run(new String[]{"--port", "0"}, stdin, stdout);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        LogCapture.await(() -> PORT.matcher(text(printed)).find(), WAIT, "the banner");
        Matcher port = PORT.matcher(text(printed));
        assertTrue(port.find());
        try (KanalHarness kanal = new KanalHarness(dataDir, new MutableClock(Instant.parse("2026-11-22T03:00:00Z")),
                Map.of("KANAL_SMPP_HOST", "127.0.0.1", "KANAL_SMPP_PORT", port.group(1), "KANAL_SMPP_SYSTEM_ID", "kanal",
                        "KANAL_SMPP_PASSWORD", "kanal", "KANAL_SMPP_SOURCE_ADDR", "1708", "KANAL_SMPP_USSD_CODE", "*123#"))) {
            kanal.kanal().outbox().start();
            LogCapture.await(() -> health(kanal).contains("\"smsc\":\"bound\""), WAIT, "Kanal bound");
            type(typing, "halo");
            LogCapture.await(() -> text(printed).contains("1 Lapor keluhan"), WAIT, "the SMS menu printed");
            type(typing, "ussd *123#");
            LogCapture.await(() -> text(printed).contains("< USSD (answer with a line)"), WAIT, "a USSD screen");
            type(typing, "1");
            LogCapture.await(() -> text(printed).contains("Kategori:"), WAIT, "the answer's screen");
            type(typing, "quit");
            assertEquals(0, smsc.get(10, TimeUnit.SECONDS));
        }
    }

    private static void type(PipedOutputStream typing, String line) throws Exception {
        typing.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        typing.flush();
    }

    private static String health(KanalHarness kanal) {
        try {
            return kanal.get("/observe/health").body();
        } catch (Exception e) {
            return e.toString();
        }
    }

    private static String text(ByteArrayOutputStream printed) {
        return printed.toString(StandardCharsets.UTF_8);
    }
}
