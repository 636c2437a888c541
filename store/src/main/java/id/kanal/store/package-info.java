/**
 * Kanal's database: the connection pool (HikariCP for PostgreSQL, a fixed set for SQLite),
 * transactions, Flyway migrations, and the SQL behind the dialog's conversation, outbox and
 * resident ports.
 *
 * <p>Depends on dialog, the JDBC drivers (SQLite, PostgreSQL), HikariCP, Flyway and Caffeine.
 */
package id.kanal.store;
