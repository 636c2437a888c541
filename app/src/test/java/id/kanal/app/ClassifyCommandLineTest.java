package id.kanal.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.logging.StreamHandler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code kanal classify}: standard output carries one JSON object per input line and nothing else. */
class ClassifyCommandLineTest {
    @TempDir
    Path dataDir;

    @Test
    void classify_logsOnStdoutHandler_stdoutHoldsOnlyJsonLines() {
        InputStream stdin = System.in;
        PrintStream stdout = System.out;
        Logger root = Logger.getLogger("");
        Handler[] handlers = root.getHandlers();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(out, true, StandardCharsets.UTF_8);
        // What Helidon's console handler does in the real jar: log lines to standard output.
        StreamHandler onStdout = new StreamHandler(capture, new SimpleFormatter()) {
            @Override
            public synchronized void publish(java.util.logging.LogRecord record) {
                super.publish(record);
                flush();
            }
        };
        try {
            for (Handler h : handlers) {
                root.removeHandler(h);
            }
            root.addHandler(onStdout);
            System.setIn(new ByteArrayInputStream("harga beras brp\nhrg cabe rawit di pasar anyar brp\n"
                    .getBytes(StandardCharsets.UTF_8)));
            System.setOut(capture);
            assertEquals(0, NluCommands.classify(KanalHarness.settings(dataDir), new String[0]));
        } finally {
            System.setIn(stdin);
            System.setOut(stdout);
            for (Handler h : root.getHandlers()) {
                root.removeHandler(h);
            }
            for (Handler h : handlers) {
                root.addHandler(h);
            }
        }
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertTrue(lines.stream().allMatch(l -> l.startsWith("{\"text\":")), "not only JSON on stdout: " + lines);
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("{\"text\":\"harga beras brp\",\"intent\":\"price.query\",\"confidence\":"), lines.get(0));
        assertTrue(lines.get(0).endsWith("\"entities\":{\"commodity\":\"beras\"}}"), lines.get(0));
        assertTrue(lines.get(1).endsWith("\"entities\":{\"commodity\":\"cabai rawit\",\"market\":\"Pasar Anyar\"}}"), lines.get(1));
    }
}
