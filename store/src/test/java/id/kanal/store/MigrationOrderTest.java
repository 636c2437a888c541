package id.kanal.store;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Migration numbers are handed out in ranges, so a later migration may carry a lower number than one a
 * deployed database already has (V56-V59, then V62, were written after V150). Such a database, the one a
 * deployment of the previous release holds, opens and takes the migrations it lacks.
 */
class MigrationOrderTest {
    private static final Set<String> WRITTEN_LATER = Set.of("56", "57", "58", "59", "62");

    @TempDir
    Path dir;

    @Test
    void databaseDeployedBeforeLowerNumberedMigrations_opensAndTakesThem() throws IOException, URISyntaxException {
        Path earlier = Files.createDirectories(dir.resolve("earlier-release"));
        Path migrations = Path.of(Database.class.getResource("/db/migration").toURI());
        try (Stream<Path> files = Files.list(migrations)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                if (!WRITTEN_LATER.contains(version(f))) {
                    Files.copy(f, earlier.resolve(f.getFileName()));
                }
            }
        }
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        String url = "jdbc:sqlite:" + data.resolve("kanal.db").toAbsolutePath();
        Flyway.configure().dataSource(url, null, null).locations("filesystem:" + earlier).load().migrate();

        try (Database db = Database.openSqlite(data)) {
            assertEquals(List.of("56", "57", "58", "59", "62", "63"), db.read(c -> Statements.list(c,
                    "SELECT version FROM flyway_schema_history WHERE version IN ('56', '57', '58', '59', '62', '63') AND success "
                            + "ORDER BY installed_rank", rs -> rs.getString(1))));
            assertEquals(List.of("conversation_handed_off"), db.read(c -> Statements.list(c,
                    "SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'conversation_handed_off'",
                    rs -> rs.getString(1))), "V58's index exists");
        }
    }

    /** "V56__x.sql" -> "56". */
    private static String version(Path f) {
        String name = f.getFileName().toString();
        return name.substring(1, name.indexOf("__"));
    }
}
