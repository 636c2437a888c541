package id.kanal.app;

import id.kanal.dialog.Address;
import id.kanal.dialog.InboundMessage;
import id.kanal.dialog.Reply;
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
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real Kanal without its server (the engine, desk and stores over SQLite, or PostgreSQL in the
 * {@code ...OnPostgresTest} subclasses) on a clock the test moves, and a resident who talks to it.
 */
@ExtendWith(TestDatabases.class)
abstract class KanalOnClock {
    @TempDir
    Path dataDir;
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T03:00:00Z"));
    final AtomicInteger sids = new AtomicInteger();
    Kanal kanal;

    @BeforeEach
    void open(TestDatabase database) {
        kanal = Kanal.open(KanalHarness.settings(dataDir, database.env()), clock);
    }

    @AfterEach
    void close() {
        kanal.close();
    }

    /** One message from the resident, through the engine as a channel would pass it. */
    Reply message(Address from, String text) {
        return kanal.engine().handle(InboundMessage.text("SM" + sids.incrementAndGet(), from, text, clock.instant()));
    }
}
