package id.kanal.services.complaints;

import id.kanal.dialog.Address;
import id.kanal.dialog.GeoPoint;
import id.kanal.dialog.port.NewComplaint;
import id.kanal.store.Database;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A clock that tests move by hand, and small helpers over a real SQLite desk. */
final class DeskFixture {
    private DeskFixture() {
    }


    /** One outbox row as written. */
    record Sent(String channel, String address, String body, String kind, int priority, String template) {
    }

    static List<Sent> outbox(Database db) {
        return db.read(c -> {
            List<Sent> out = new ArrayList<>();
            try (var rs = c.createStatement().executeQuery(
                    "SELECT channel, address, body, kind, priority, template FROM outbox ORDER BY created_at, body")) {
                while (rs.next()) {
                    out.add(new Sent(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                            rs.getString(6)));
                }
            }
            return out;
        });
    }

    static NewComplaint complaint(String key, Address reporter, String category, String location,
                                  Optional<GeoPoint> point) {
        return new NewComplaint(key, reporter, category, location, "Rusak parah sudah seminggu", point, List.of());
    }
}
