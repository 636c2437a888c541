package id.kanal.services.prices;

import id.kanal.store.Database;
import id.kanal.store.testing.TestDatabase;
import id.kanal.store.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The setup the price tests share: a real {@link SqlPriceBoard} (built-in catalogue, prices stale
 * after 3 days) and its {@link PriceImporter} over SQLite in a temporary
 * directory, opened before each test and closed after. The {@code ...OnPostgresTest} subclasses
 * run the same tests on PostgreSQL ({@code @OnPostgres}).
 */
@ExtendWith(TestDatabases.class)
abstract class BoardTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-11-20T01:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    Database db;
    SqlPriceBoard board;
    PriceImporter importer;

    @BeforeEach
    void openBoardOnFreshDatabase(TestDatabase database) {
        db = database.open(dir, 4);
        board = new SqlPriceBoard(db, CommodityCatalog.builtIn(), CLOCK, 3, ZoneId.of("Asia/Jakarta"));
        importer = PriceImporter.forBoard(db, board, CLOCK);
    }

    @AfterEach
    void closeDatabase() {
        db.close();
    }
}
