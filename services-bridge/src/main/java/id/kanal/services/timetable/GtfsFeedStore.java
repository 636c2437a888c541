package id.kanal.services.timetable;

import id.kanal.store.Database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** The feeds' files in the database (tables of V11): one version per feed after each import. */
final class GtfsFeedStore {
    private GtfsFeedStore() {
    }

    /** The newest version of every feed, of one region's feeds when {@code region} is given. */
    static Map<String, Long> activeVersions(Database db, java.util.Optional<String> region) {
        return db.read(c -> {
            Map<String, Long> versions = new HashMap<>();
            try (var s = c.prepareStatement("SELECT feed, MAX(version) FROM gtfs_feed"
                    + (region.isPresent() ? " WHERE region_code = ?" : "") + " GROUP BY feed")) {
                if (region.isPresent()) {
                    s.setString(1, region.get());
                }
                try (var rs = s.executeQuery()) {
                    while (rs.next()) {
                        versions.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            return versions;
        });
    }

    /**
     * Refuses a feed name another region's feed has: a feed is replaced by its name, so one region
     * must never replace another's.
     */
    static void checkOwner(Connection c, String feed, java.util.Optional<String> region) throws SQLException {
        if (region.isEmpty()) {
            return;
        }
        try (var s = c.prepareStatement("SELECT region_code FROM gtfs_feed WHERE feed = ? AND region_code <> ?")) {
            s.setString(1, feed);
            s.setString(2, region.get());
            try (var rs = s.executeQuery()) {
                if (rs.next()) {
                    throw new GtfsImportException(feed, 0, "feed " + feed + " is region " + rs.getString(1)
                            + "'s; name this region's file differently (the feed's name is the file's)");
                }
            }
        }
    }

    static Map<String, String> files(Database db, String feed, long version) {
        return db.read(c -> {
            Map<String, String> files = new LinkedHashMap<>();
            try (var s = c.prepareStatement("SELECT file_name, content FROM gtfs_feed_file WHERE feed = ? AND version = ?")) {
                s.setString(1, feed);
                s.setLong(2, version);
                try (var rs = s.executeQuery()) {
                    while (rs.next()) {
                        files.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            return files;
        });
    }

    /** Deletes every version of a feed, in the caller's transaction. */
    static void delete(Connection c, String feed) throws SQLException {
        for (String table : new String[]{"gtfs_feed_file", "gtfs_feed"}) {
            try (var s = c.prepareStatement("DELETE FROM " + table + " WHERE feed = ?")) {
                s.setString(1, feed);
                s.executeUpdate();
            }
        }
    }

    /**
     * Stores a new version of a feed and deletes the older ones, in the caller's transaction.
     *
     * @return the version written: {@code now}, or one more than the newest stored if that is later
     */
    static long save(Connection c, String feed, java.util.Optional<String> region, String source, long now,
                     Map<String, String> files) throws SQLException {
        long version = now;
        try (var s = c.prepareStatement("SELECT MAX(version) FROM gtfs_feed WHERE feed = ?")) {
            s.setString(1, feed);
            try (var rs = s.executeQuery()) {
                if (rs.next() && rs.getObject(1) != null) {
                    version = Math.max(now, rs.getLong(1) + 1);
                }
            }
        }
        try (var s = c.prepareStatement("INSERT INTO gtfs_feed (feed, version, source, imported_at, region_code) "
                + "VALUES (?, ?, ?, ?, ?)")) {
            s.setString(1, feed);
            s.setLong(2, version);
            s.setString(3, source);
            s.setLong(4, now);
            s.setString(5, region.orElse(null));
            s.executeUpdate();
        }
        try (var s = c.prepareStatement("INSERT INTO gtfs_feed_file (feed, version, file_name, content) VALUES (?, ?, ?, ?)")) {
            for (var e : files.entrySet()) {
                s.setString(1, feed);
                s.setLong(2, version);
                s.setString(3, e.getKey());
                s.setString(4, e.getValue());
                s.executeUpdate();
            }
        }
        for (String table : new String[]{"gtfs_feed_file", "gtfs_feed"}) {
            try (var s = c.prepareStatement("DELETE FROM " + table + " WHERE feed = ? AND version < ?")) {
                s.setString(1, feed);
                s.setLong(2, version);
                s.executeUpdate();
            }
        }
        return version;
    }
}
