package id.kanal.services.complaints;

import id.kanal.dialog.GeoPoint;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the open complaint that a new one repeats: the same category, and either within
 * {@link #RADIUS_METERS} (when both have coordinates) or with the same normalised location text
 * filed within {@link #TEXT_WINDOW}. Only originals (not themselves duplicates) are candidates,
 * so links never chain; the earliest candidate wins.
 */
final class DuplicateFinder {
    static final double RADIUS_METERS = 200;
    static final Duration TEXT_WINDOW = Duration.ofDays(7);
    private static final double METERS_PER_DEGREE = 111_320;
    /** Residents write the same street several ways ("Jl.", "Jln", "Jalan"). */
    private static final Map<String, String> ABBREVIATIONS = Map.of("jl", "jalan", "jln", "jalan", "gg", "gang",
            "no", "", "nomor", "", "kel", "kelurahan", "kec", "kecamatan");

    private DuplicateFinder() {
    }

    /** Lower case, accents and punctuation dropped, abbreviations spelled out, single spaces. */
    static String locationKey(String location) {
        String plain = Normalizer.normalize(location, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
        StringBuilder out = new StringBuilder();
        for (String word : plain.split(" ")) {
            String w = ABBREVIATIONS.getOrDefault(word, word);
            if (!w.isEmpty()) {
                out.append(out.isEmpty() ? "" : " ").append(w);
            }
        }
        return out.toString();
    }

    static Optional<String> find(Connection c, String categoryCode, String locationKey, Optional<GeoPoint> point,
                                 Instant now) throws SQLException {
        double dLat = RADIUS_METERS * 1.1 / METERS_PER_DEGREE;
        double lat = point.map(GeoPoint::latitude).orElse(0.0);
        double dLon = dLat / Math.max(0.01, Math.cos(Math.toRadians(lat)));
        // A bounding box narrows the candidates in SQL; the haversine distance decides.
        try (PreparedStatement ps = c.prepareStatement("SELECT ticket, latitude, longitude, location_key, filed_at "
                + "FROM complaint WHERE category_code = ? AND duplicate_of IS NULL "
                + "AND status IN ('RECEIVED', 'ASSIGNED', 'IN_PROGRESS') "
                + "AND ((latitude BETWEEN ? AND ? AND longitude BETWEEN ? AND ?) OR (location_key = ? AND filed_at >= ?)) "
                + "ORDER BY filed_at, ticket")) {
            ps.setString(1, categoryCode);
            boolean hasPoint = point.isPresent();
            // Without coordinates the box is empty (min > max), so only the text can match.
            ps.setDouble(2, hasPoint ? lat - dLat : 1);
            ps.setDouble(3, hasPoint ? lat + dLat : 0);
            ps.setDouble(4, hasPoint ? point.get().longitude() - dLon : 1);
            ps.setDouble(5, hasPoint ? point.get().longitude() + dLon : 0);
            // An empty key matches nothing: a stored key never starts with a space (PostgreSQL refuses NUL).
            ps.setString(6, locationKey.isEmpty() ? " " : locationKey);
            ps.setLong(7, now.minus(TEXT_WINDOW).toEpochMilli());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (!locationKey.isEmpty() && locationKey.equals(rs.getString(4))
                            && rs.getLong(5) >= now.minus(TEXT_WINDOW).toEpochMilli()) {
                        return Optional.of(rs.getString(1));
                    }
                    double la = rs.getDouble(2);
                    boolean noLat = rs.wasNull();
                    double lo = rs.getDouble(3);
                    if (hasPoint && !noLat && !rs.wasNull()
                            && Geo.meters(point.get(), new GeoPoint(la, lo)) <= RADIUS_METERS) {
                        return Optional.of(rs.getString(1));
                    }
                }
            }
        }
        return Optional.empty();
    }
}
