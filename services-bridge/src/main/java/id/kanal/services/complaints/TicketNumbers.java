package id.kanal.services.complaints;

import id.kanal.store.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * SQLite: a region's ticket numbers, counted in memory instead of in the region row. That row was a page
 * every filing wrote (one of about ten) and an {@code UPDATE} under the group commit's lock. Sound because
 * one process writes a SQLite database, and every desk of a region in it takes its numbers here (one
 * counter per database and region). The first filing after a start counts on from the region row's
 * {@code next_ticket} (a region created with a counter of its own, or a database from before) or from one
 * past the highest ticket number the region filed, whichever is larger; the complaints themselves are
 * the record, so a crash loses no number. A filing that rolls back leaves its number unused. A number
 * another process took (a {@code chat} command beside the server) fails the complaint's insert on its key,
 * and the desk counts again ({@link #forget}). PostgreSQL, whose nodes share the database, keeps the
 * counter in the region row.
 */
final class TicketNumbers {
    private static final Map<Database, Map<String, Counter>> BY_DATABASE = Collections.synchronizedMap(new WeakHashMap<>());

    private record Counter(String prefix, AtomicLong next) {
    }

    private TicketNumbers() {
    }

    /** The region's next ticket; call inside the filing's transaction, on the connection given. */
    static String next(Database db, Connection c, String region) throws SQLException {
        Map<String, Counter> regions = BY_DATABASE.computeIfAbsent(db, d -> new ConcurrentHashMap<>());
        Counter counter = regions.get(region);
        if (counter == null) {
            counter = read(c, region);
            Counter raced = regions.putIfAbsent(region, counter);
            counter = raced == null ? counter : raced;
        }
        return format(counter.prefix(), counter.next().getAndIncrement());
    }

    /** The region's count is read from the database again at its next ticket (another process filed). */
    static void forget(Database db, String region) {
        Map<String, Counter> regions = BY_DATABASE.get(db);
        if (regions != null) {
            regions.remove(region);
        }
    }

    static String format(String prefix, long number) {
        return String.format("%s-%06d", prefix, number);
    }

    private static Counter read(Connection c, String region) throws SQLException {
        String prefix;
        long next;
        try (PreparedStatement ps = c.prepareStatement("SELECT ticket_prefix, next_ticket FROM region WHERE code = ?")) {
            ps.setString(1, region);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("region " + region + " missing");
                }
                prefix = rs.getString(1);
                next = rs.getLong(2);
            }
        }
        // The region's tickets by their key's range ('-' is followed by '.'): numbers of any length.
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(CAST(substr(ticket, ?) AS INTEGER)) FROM complaint "
                + "WHERE ticket >= ? AND ticket < ?")) {
            ps.setInt(1, prefix.length() + 2);
            ps.setString(2, prefix + "-");
            ps.setString(3, prefix + ".");
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    next = Math.max(next, rs.getLong(1) + 1);
                }
            }
        }
        return new Counter(prefix, new AtomicLong(next));
    }
}
