package id.kanal.services.complaints;

import id.kanal.dialog.GeoPoint;
import id.kanal.store.Database;
import id.kanal.store.Statements;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Other complaints filed within {@link #RADIUS_METERS} of one, nearest first, whatever their
 * category or status: what staff compare a complaint with before acting on it (the same hole
 * reported twice, a resolved one that came back). The radius is the one the desk links
 * duplicates within ({@link DuplicateFinder#RADIUS_METERS}).
 */
public final class NearbyComplaints {
    public static final double RADIUS_METERS = DuplicateFinder.RADIUS_METERS;
    private static final double METERS_PER_DEGREE = 111_320;
    private static final int MAX = 20;

    private final Database db;

    public NearbyComplaints(Database db) {
        this.db = db;
    }

    /** One complaint near another, {@code meters} away (rounded to the metre). */
    public record Nearby(String ticket, String status, String categoryCode, String location, long filedAt,
                         long meters, Optional<String> duplicateOf) {
        public Nearby {
            Objects.requireNonNull(ticket, "ticket");
            Objects.requireNonNull(duplicateOf, "duplicateOf");
        }
    }

    /** The complaints within the radius of {@code point}, other than {@code ticket}, nearest first (at most 20). */
    public List<Nearby> around(String ticket, GeoPoint point) {
        double dLat = RADIUS_METERS * 1.1 / METERS_PER_DEGREE;
        double dLon = dLat / Math.max(0.01, Math.cos(Math.toRadians(point.latitude())));
        // A bounding box narrows the candidates in SQL; the haversine distance decides.
        List<Nearby> candidates = db.read(c -> Statements.list(c, "SELECT ticket, status, category_code, location, "
                        + "filed_at, latitude, longitude, duplicate_of FROM complaint WHERE ticket <> ? "
                        + "AND latitude BETWEEN ? AND ? AND longitude BETWEEN ? AND ?",
                rs -> new Nearby(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                        Math.round(Geo.meters(point, new GeoPoint(rs.getDouble(6), rs.getDouble(7)))),
                        Optional.ofNullable(rs.getString(8))),
                ticket, point.latitude() - dLat, point.latitude() + dLat, point.longitude() - dLon, point.longitude() + dLon));
        return candidates.stream().filter(n -> n.meters() <= RADIUS_METERS)
                .sorted(Comparator.comparingLong(Nearby::meters).thenComparing(Nearby::ticket)).limit(MAX).toList();
    }
}
