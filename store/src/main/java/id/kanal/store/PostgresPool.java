package id.kanal.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * PostgreSQL connections pooled by HikariCP. The server can end a session (a restart, a proxy's
 * idle timeout, {@code pg_terminate_backend}); HikariCP checks a connection that sat idle before
 * lending it, checks idle ones every {@link PoolOptions#keepaliveTime()}, and evicts one whose
 * statement failed with a connection error (SQLSTATE 08..., 57P01-57P03), so at most the use that
 * meets a dead connection fails.
 */
final class PostgresPool implements ConnectionPool {
    private static final System.Logger LOG = System.getLogger(PostgresPool.class.getName());
    private final HikariDataSource dataSource;

    PostgresPool(String url, PoolOptions options) {
        this("kanal", url, options);
    }

    /** @param name the pool's name in HikariCP's logs and metrics */
    PostgresPool(String name, String url, PoolOptions options) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(options.size());
        config.setMinimumIdle(options.size());
        config.setConnectionTimeout(options.connectionTimeout().toMillis());
        config.setValidationTimeout(options.validationTimeout().toMillis());
        config.setKeepaliveTime(options.keepaliveTime().toMillis());
        config.setMaxLifetime(options.maxLifetime().toMillis());
        this.dataSource = new HikariDataSource(config);
    }

    @Override
    public Connection borrow() throws SQLException {
        return dataSource.getConnection();
    }

    @Override
    public void release(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // HikariCP has rolled back and evicted it where it could; the caller's own outcome stands.
            LOG.log(System.Logger.Level.WARNING, "returning a connection to the pool failed", e);
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
