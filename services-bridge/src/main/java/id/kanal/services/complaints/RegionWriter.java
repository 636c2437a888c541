package id.kanal.services.complaints;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Locale;

/** Writes a {@link RegionDefinition} into the database (portable upserts). */
final class RegionWriter {
    private RegionWriter() {
    }

    static void write(Connection c, RegionDefinition region) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO region (code, name, ticket_prefix, next_ticket) "
                + "VALUES (?, ?, ?, 1) ON CONFLICT (code) DO UPDATE SET name = excluded.name")) {
            ps.setString(1, region.code());
            ps.setString(2, region.name());
            ps.setString(3, region.ticketPrefix());
            ps.executeUpdate();
        }
        for (RegionDefinition.Agency a : region.agencies()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO agency (code, name, region_code) VALUES (?, ?, ?) "
                    + "ON CONFLICT (code) DO UPDATE SET name = excluded.name, region_code = excluded.region_code")) {
                ps.setString(1, a.code());
                ps.setString(2, a.name());
                ps.setString(3, region.code());
                ps.executeUpdate();
            }
        }
        int position = 0;
        for (RegionDefinition.CategoryDefinition k : region.categories()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO category "
                    + "(code, position, name_id, name_en, agency_code, keywords, resolution_days, region_code) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                    + "ON CONFLICT (code) DO UPDATE SET position = excluded.position, name_id = excluded.name_id, "
                    + "name_en = excluded.name_en, agency_code = excluded.agency_code, keywords = excluded.keywords, "
                    + "resolution_days = excluded.resolution_days, region_code = excluded.region_code")) {
                ps.setString(1, k.code());
                ps.setInt(2, position++);
                ps.setString(3, k.nameId());
                ps.setString(4, k.nameEn());
                ps.setString(5, k.agencyCode());
                ps.setString(6, String.join(",", k.keywords().stream().map(w -> w.toLowerCase(Locale.ROOT)).toList()));
                ps.setInt(7, k.resolutionDays());
                ps.setString(8, region.code());
                ps.executeUpdate();
            }
        }
    }
}
