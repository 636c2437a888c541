package id.kanal.channels.testing;

import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The formatted messages one class logs while a test runs (System.Logger goes to
 * java.util.logging here): lets a test wait for a decision the code only logs, such as a late
 * USSD reply that is deliberately not sent, instead of sleeping.
 */
public final class LogCapture implements AutoCloseable {
    private final Logger logger;
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord r) {
            messages.add(r.getParameters() == null ? r.getMessage() : MessageFormat.format(r.getMessage(), r.getParameters()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    public LogCapture(Class<?> type) {
        this(type.getName());
    }

    /** By logger name, for a class the test cannot see (package-private). */
    public LogCapture(String loggerName) {
        // Held in a field: java.util.logging keeps loggers weakly, and a collected one loses its handler.
        this.logger = Logger.getLogger(loggerName);
        logger.addHandler(handler);
    }

    public List<String> messages() {
        return List.copyOf(messages);
    }

    public boolean contains(String part) {
        return messages.stream().anyMatch(m -> m.contains(part));
    }

    /** Waits until the condition holds, failing after {@code timeout}. */
    public static void await(BooleanSupplier condition, Duration timeout, String what) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting for " + what);
            }
            LockSupport.parkNanos(1_000_000);
        }
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
    }
}
