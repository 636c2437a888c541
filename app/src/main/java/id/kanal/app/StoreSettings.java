package id.kanal.app;

import id.kanal.channels.ConfigValues;
import id.kanal.store.PoolOptions;
import io.helidon.common.config.Config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where Kanal keeps its data.
 *
 * @param dataDir the SQLite database's directory ({@code kanal.data-dir}, {@code KANAL_DATA_DIR})
 * @param dbUrl   a PostgreSQL JDBC URL used instead ({@code kanal.db-url}, {@code KANAL_DB_URL})
 * @param pool    the PostgreSQL connection pool ({@code kanal.db-pool.*})
 */
public record StoreSettings(Path dataDir, Optional<String> dbUrl, PoolOptions pool) {
    /** Reads {@code data-dir}, {@code db-url} and {@code db-pool} from {@code kanal}. */
    public static StoreSettings create(Config kanal) {
        Config p = kanal.get("db-pool");
        PoolOptions d = PoolOptions.DEFAULTS;
        PoolOptions pool;
        try {
            pool = new PoolOptions(ConfigValues.integer(p.get("size"), 1, 500, d.size()),
                    ConfigValues.positiveDuration(p.get("connection-timeout"), d.connectionTimeout()),
                    ConfigValues.positiveDuration(p.get("validation-timeout"), d.validationTimeout()),
                    ConfigValues.positiveDuration(p.get("keepalive-time"), d.keepaliveTime()),
                    ConfigValues.positiveDuration(p.get("max-lifetime"), d.maxLifetime()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("kanal.db-pool: " + e.getMessage(), e);
        }
        return new StoreSettings(Path.of(ConfigValues.string(kanal.get("data-dir")).orElse("./data")),
                ConfigValues.string(kanal.get("db-url")), pool);
    }
}
