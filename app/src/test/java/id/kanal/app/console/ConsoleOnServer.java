package id.kanal.app.console;

import id.kanal.dialog.testing.MutableClock;
import id.kanal.store.testing.TestDatabase;
import id.kanal.store.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * A real Kanal with its console ({@link ConsoleHarness}) on a scratch directory and a clock the
 * test moves, started before each test and closed after it. Subclasses may name the moment the
 * clock starts at and {@code application.yaml} keys to override, and the database
 * (PostgreSQL in the {@code @OnPostgres} subclasses).
 */
@ExtendWith(TestDatabases.class)
abstract class ConsoleOnServer {
    /** Monday 23 Nov 2026, 10:00 in Jakarta: the moment most console tests stand on. */
    static final Instant MONDAY = Instant.parse("2026-11-23T03:00:00Z");

    @TempDir
    Path dataDir;
    final MutableClock clock;
    ConsoleHarness kanal;
    private final Map<String, String> configOverrides;

    ConsoleOnServer() {
        this(MONDAY);
    }

    ConsoleOnServer(Instant start) {
        this(start, Map.of());
    }

    /** @param configOverrides {@code application.yaml} keys this test's Kanal runs with instead */
    ConsoleOnServer(Instant start, Map<String, String> configOverrides) {
        this.clock = new MutableClock(start);
        this.configOverrides = configOverrides;
    }

    @BeforeEach
    void startConsole(TestDatabase database) {
        kanal = new ConsoleHarness(dataDir, clock, database.env(), configOverrides);
    }

    @AfterEach
    void closeConsole() {
        kanal.close();
    }
}
