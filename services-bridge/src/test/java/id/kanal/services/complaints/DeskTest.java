package id.kanal.services.complaints;

import id.kanal.dialog.testing.MutableClock;
import id.kanal.store.Database;
import id.kanal.store.testing.TestDatabase;
import id.kanal.store.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;

/**
 * The setup the complaint desk tests share: a real {@link SqlComplaintDesk} over SQLite in a
 * temporary directory, opened before each test and closed after, and a clock the test moves. The
 * {@code ...OnPostgresTest} subclasses run the same tests on PostgreSQL ({@code @OnPostgres}).
 */
@ExtendWith(TestDatabases.class)
abstract class DeskTest {
    @TempDir
    Path dir;
    Database db;
    SqlComplaintDesk desk;
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T03:00:00Z"));

    /** The desk under test on {@link #db}: {@link SqlComplaintDeskTest#REGION} and default notification settings. */
    SqlComplaintDesk openDesk() {
        return SqlComplaintDesk.open(db, SqlComplaintDeskTest.REGION, clock);
    }

    @BeforeEach
    void openDeskOnFreshDatabase(TestDatabase database) {
        db = database.open(dir, 4);
        desk = openDesk();
    }

    @AfterEach
    void closeDatabase() {
        db.close();
    }
}
