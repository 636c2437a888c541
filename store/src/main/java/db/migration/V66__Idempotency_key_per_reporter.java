package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A complaint's idempotency key is unique per reporter, in one index with the reporter's other look-ups,
 * {@code complaint_reporter_idempotency (reporter_address, idempotency_key)}, which replaces both the key's
 * table-wide unique index and {@code complaint_reporter_category}. Every filing wrote an entry in each,
 * and the key's (a provider's random message id) landed on a random page of its own: a duplicate filing
 * in a flood wrote 11.1 WAL pages, now 10.2 (replayed on a copy of a bench's database). A key only ever
 * comes back with its reporter: a resident's is {@code <channel>:<message id>} of the message they sent,
 * which a provider retries from the same sender; an Open311 filing's is new each time. The reporter's
 * look-ups (their latest complaints, a status question's "is it theirs", the orphan of a crashed turn)
 * read their few complaints through the new index's prefix.
 *
 * <p>SQLite cannot drop a column's {@code UNIQUE}: the table is rebuilt ({@link SqliteTables#rebuild}),
 * with foreign keys off while the complaint rows that history, media and photos name are copied, and
 * checked before the rebuild commits. PostgreSQL drops the constraint.
 */
public class V66__Idempotency_key_per_reporter extends BaseJavaMigration {
    private static final Pattern UNIQUE_KEY = Pattern.compile("(idempotency_key\\s+TEXT\\s+NOT\\s+NULL)\\s+UNIQUE");
    private static final String REPORTER_KEY =
            "CREATE UNIQUE INDEX complaint_reporter_idempotency ON complaint (reporter_address, idempotency_key)";

    /** SQLite turns foreign keys off only outside a transaction; this migration makes its own. */
    @Override
    public boolean canExecuteInTransaction() {
        return false;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        boolean sqlite = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("sqlite");
        // Flyway may hold its own transaction here (PostgreSQL did): then it commits, else this does.
        boolean ownTransaction = c.getAutoCommit();
        try (Statement s = c.createStatement()) {
            if (sqlite) {
                s.execute("PRAGMA foreign_keys = OFF");
                if (foreignKeysOn(s)) {
                    throw new SQLException("foreign keys cannot be turned off for the complaint table's rebuild "
                            + "(a transaction is open)");
                }
            }
            if (ownTransaction) {
                c.setAutoCommit(false);
            }
            try {
                if (sqlite) {
                    SqliteTables.rebuild(c, "complaint", V66__Idempotency_key_per_reporter::keyNotUnique,
                            index -> !index.contains("complaint_reporter_category"));
                    try (ResultSet broken = s.executeQuery("PRAGMA foreign_key_check")) {
                        if (broken.next()) {
                            throw new SQLException("the rebuilt complaint table breaks a foreign key of " + broken.getString(1));
                        }
                    }
                } else {
                    s.execute("ALTER TABLE complaint DROP CONSTRAINT complaint_idempotency_key_key");
                    s.execute("DROP INDEX complaint_reporter_category");
                }
                s.execute(REPORTER_KEY);
                if (ownTransaction) {
                    c.commit();
                }
            } catch (SQLException | RuntimeException e) {
                if (ownTransaction) {
                    c.rollback();
                }
                throw e;
            } finally {
                if (ownTransaction) {
                    c.setAutoCommit(true);
                }
                if (sqlite) {
                    s.execute("PRAGMA foreign_keys = ON");
                }
            }
        }
    }

    private static boolean foreignKeysOn(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("PRAGMA foreign_keys")) {
            return rs.next() && rs.getInt(1) == 1;
        }
    }

    private static String keyNotUnique(String body) {
        Matcher m = UNIQUE_KEY.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("complaint's idempotency_key is not declared as V1 declared it: " + body);
        }
        return m.replaceFirst("$1");
    }
}
