package id.kanal.app;

import io.helidon.common.config.Config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where Kanal keeps its data.
 *
 * @param dataDir the SQLite database's directory ({@code kanal.data-dir}, {@code KANAL_DATA_DIR})
 * @param dbUrl   a PostgreSQL JDBC URL used instead ({@code kanal.db-url}, {@code KANAL_DB_URL})
 */
public record StoreSettings(Path dataDir, Optional<String> dbUrl) {
    /** Reads {@code data-dir} and {@code db-url} from {@code kanal}. */
    public static StoreSettings create(Config kanal) {
        return new StoreSettings(Path.of(ConfigValues.string(kanal.get("data-dir")).orElse("./data")),
                ConfigValues.string(kanal.get("db-url")));
    }
}
