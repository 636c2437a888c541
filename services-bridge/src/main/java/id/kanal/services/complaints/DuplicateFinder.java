package id.kanal.services.complaints;

import id.kanal.dialog.GeoPoint;
import id.kanal.dialog.port.ComplaintStatus;

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
import java.util.regex.Pattern;

/**
 * Finds the open complaint that a new one repeats: the same category, and either within
 * {@link #RADIUS_METERS} (when both have coordinates) or with the same normalised location text
 * filed within {@link #TEXT_WINDOW}. Only originals (not themselves duplicates) are candidates,
 * so links never chain; the earliest candidate wins.
 *
 * <p>The candidates come from the partial index {@code complaint_original} (V62: only complaints
 * that are not duplicates, in filing order), so a flood of duplicates neither writes that index nor
 * lengthens this walk, and the rows arrive oldest first with no sort: the walk stops at the first match.
 */
final class DuplicateFinder {
    static final double RADIUS_METERS = 200;
    static final Duration TEXT_WINDOW = Duration.ofDays(7);
    private static final double METERS_PER_DEGREE = 111_320;
    /** Residents write the same street several ways ("Jl.", "Jln", "Jalan"). */
    private static final Map<String, String> ABBREVIATIONS = Map.of("jl", "jalan", "jln", "jalan", "gg", "gang",
            "no", "", "nomor", "", "kel", "kelurahan", "kec", "kecamatan");

    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");

    /** The open complaint a new one repeats, and its status (the duplicate starts in it). */
    record Original(String ticket, ComplaintStatus status) {
    }

    private DuplicateFinder() {
    }

    /** Lower case, accents and punctuation dropped, abbreviations spelled out, single spaces. */
    static String locationKey(String location) {
        // Patterns compiled once: String.replaceAll compiles its pattern at every call, and this runs at every filing.
        String plain = NOT_ALPHANUMERIC.matcher(MARKS.matcher(Normalizer.normalize(location, Normalizer.Form.NFD))
                .replaceAll("").toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
        StringBuilder out = new StringBuilder();
        for (String word : plain.split(" ")) {
            String w = ABBREVIATIONS.getOrDefault(word, word);
            if (!w.isEmpty()) {
                out.append(out.isEmpty() ? "" : " ").append(w);
            }
        }
        return out.toString();
    }

    static Optional<Original> find(Connection c, String categoryCode, String locationKey, Optional<GeoPoint> point,
                                   Instant now) throws SQLException {
        double dLat = RADIUS_METERS * 1.1 / METERS_PER_DEGREE;
        double lat = point.map(GeoPoint::latitude).orElse(0.0);
        double dLon = dLat / Math.max(0.01, Math.cos(Math.toRadians(lat)));
        // A bounding box narrows the candidates in SQL; the haversine distance decides.
        try (PreparedStatement ps = c.prepareStatement("SELECT ticket, latitude, longitude, location_key, filed_at, status "
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
                        return Optional.of(original(rs));
                    }
                    double la = rs.getDouble(2);
                    boolean noLat = rs.wasNull();
                    double lo = rs.getDouble(3);
                    if (hasPoint && !noLat && !rs.wasNull()
                            && Geo.meters(point.get(), new GeoPoint(la, lo)) <= RADIUS_METERS) {
                        return Optional.of(original(rs));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Original original(ResultSet rs) throws SQLException {
        return new Original(rs.getString(1), ComplaintStatus.valueOf(rs.getString(6)));
    }
}
