package id.kanal.app;

import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Logger;

/**
 * For commands whose standard output is data ({@code classify} prints one JSON object per line,
 * {@code nlu-eval} and {@code bench-services} print figures, the imports their one-line result):
 * moves the log lines, which
 * Helidon's console handler writes to standard output, to standard error, with the same format
 * and level, so {@code kanal classify < in > out.jsonl} gets JSON and nothing else.
 */
final class LogsToStderr {
    private LogsToStderr() {
    }

    static void apply() {
        Logger root = Logger.getLogger("");
        ConsoleHandler stderr = new ConsoleHandler(); // java.util.logging's ConsoleHandler writes to System.err
        for (Handler h : root.getHandlers()) {
            if (h.getFormatter() != null) {
                stderr.setFormatter(h.getFormatter());
            }
            stderr.setLevel(h.getLevel());
            root.removeHandler(h);
        }
        root.addHandler(stderr);
    }
}
