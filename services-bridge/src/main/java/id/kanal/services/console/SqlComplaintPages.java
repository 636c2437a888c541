package id.kanal.services.console;

import id.kanal.dialog.GeoPoint;
import id.kanal.services.complaints.ComplaintPhotos;
import id.kanal.services.complaints.NearbyComplaints;
import id.kanal.store.Database;
import id.kanal.store.ResidentLines;
import id.kanal.store.Statements;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The complaint page's reads ({@link ComplaintPage}) and its staff notes, over Kanal's tables.
 *
 * <p>The messages in the history are those to the complaint's reporter that name its ticket:
 * the bot's and agents' lines of the conversation (the filing answer, status questions, agent
 * replies) and the outbox's own notifications (status changes, a USSD reporter's SMS receipt)
 * with their delivery state. Every such message names the ticket: the wording of each says it.
 */
public final class SqlComplaintPages {
    /** Outbox kinds that are also conversation lines (the transcript holds them), not listed twice. */
    private static final String IN_TRANSCRIPT = "('agent-reply', 'agent-handback', 'reply', 'telegram-reply')";
    /** A page's photos are served from the console's own route (this prefix + ticket + /photos/ + position). */
    private final String photoRoute;
    private final Database db;
    private final Clock clock;
    private final ComplaintPhotos photos;
    private final NearbyComplaints nearby;

    /** @param photoRoute the console route photos are served from, e.g. {@code /api/console/complaints/} */
    public SqlComplaintPages(Database db, Clock clock, String photoRoute) {
        this.db = db;
        this.clock = clock;
        this.photoRoute = photoRoute;
        this.photos = new ComplaintPhotos(db);
        this.nearby = new NearbyComplaints(db);
    }

    private record Head(String ticket, String location, Double lat, Double lon, String channel, String address,
                        long filedAt) {
    }

    /** The page of a complaint; empty when there is no such ticket. */
    public Optional<ComplaintPage> page(String ticket) {
        Optional<Head> head = db.read(c -> Statements.first(c, "SELECT ticket, location, latitude, longitude, "
                + "reporter_channel, reporter_address, filed_at FROM complaint WHERE ticket = ?", rs -> {
                    double lat = rs.getDouble(3);
                    boolean noLat = rs.wasNull();
                    double lon = rs.getDouble(4);
                    boolean noPoint = noLat || rs.wasNull();
                    return new Head(rs.getString(1), rs.getString(2), noPoint ? null : lat, noPoint ? null : lon,
                            rs.getString(5), rs.getString(6), rs.getLong(7));
                }, ticket));
        if (head.isEmpty()) {
            return Optional.empty();
        }
        Head h = head.get();
        ComplaintPage.Place place = h.lat() == null ? new ComplaintPage.Place(null, null, null, h.location())
                : ComplaintPage.Place.of(h.lat(), h.lon(), h.location());
        return Optional.of(new ComplaintPage(h.ticket(), photos(h.ticket()), place, nearby(h), history(h)));
    }

    /** The bytes of a stored photo. */
    public Optional<ComplaintPhotos.Stored> photo(String ticket, int position) {
        return photos.photo(ticket, position);
    }

    /**
     * Adds a staff note to the complaint (never sent to the resident).
     *
     * @return false when there is no such ticket
     */
    public boolean addNote(String ticket, String author, String text) {
        return db.inTransaction(c -> {
            // Takes the complaint row's lock, so two notes at once get their own numbers.
            if (Statements.update(c, "UPDATE complaint SET updated_at = updated_at WHERE ticket = ?", ticket) != 1) {
                return false;
            }
            int seq = Statements.first(c, "SELECT COALESCE(MAX(seq), 0) FROM complaint_note WHERE ticket = ?",
                    rs -> rs.getInt(1), ticket).orElse(0) + 1;
            Statements.update(c, "INSERT INTO complaint_note (ticket, seq, at, author, body) VALUES (?, ?, ?, ?, ?)",
                    ticket, seq, clock.millis(), author, text);
            return true;
        });
    }

    private List<ComplaintPage.Photo> photos(String ticket) {
        return photos.of(ticket).stream().map(p -> new ComplaintPage.Photo(p.position(), p.state(),
                p.contentType().orElse(null), p.sizeBytes(), p.attempts(), p.error().orElse(null),
                p.state().equals("STORED") ? photoRoute + ticket + "/photos/" + p.position() : null)).toList();
    }

    private List<ComplaintPage.Nearby> nearby(Head h) {
        if (h.lat() == null) {
            return List.of();
        }
        List<NearbyComplaints.Nearby> near = nearby.around(h.ticket(), new GeoPoint(h.lat(), h.lon()));
        Map<String, String> names = db.read(c -> {
            Map<String, String> out = new java.util.HashMap<>();
            Statements.list(c, "SELECT code, name_id FROM category", rs -> out.put(rs.getString(1), rs.getString(2)));
            return out;
        });
        return near.stream().map(n -> new ComplaintPage.Nearby(n.ticket(), n.status(), n.categoryCode(),
                names.getOrDefault(n.categoryCode(), n.categoryCode()), n.location(), n.filedAt(), n.meters(),
                n.duplicateOf().orElse(null))).toList();
    }

    private List<ComplaintPage.Event> history(Head h) {
        String ticket = h.ticket();
        // The filing answer is written in the same turn as the complaint, a moment before or after it.
        long since = h.filedAt() - 60_000;
        String mentions = "%" + ticket + "%";
        List<ComplaintPage.Event> out = new ArrayList<>(db.read(c -> {
            List<ComplaintPage.Event> events = new ArrayList<>(Statements.list(c, "SELECT changed_at, changed_by, note, "
                            + "status FROM complaint_history WHERE ticket = ? ORDER BY seq",
                    rs -> new ComplaintPage.Event(rs.getLong(1), "status", rs.getString(2), rs.getString(3),
                            rs.getString(4), null, null), ticket));
            // Agents' notes in the resident's conversation that name the ticket are notes on it too.
            events.addAll(Statements.list(c, "SELECT t.at, t.author, t.body, t.direction, t.channel FROM "
                            + ResidentLines.of(db.dialect()) + " t WHERE t.direction IN ('out', 'note') AND t.at >= ? "
                            + "AND t.body LIKE ? ORDER BY t.seq",
                    rs -> new ComplaintPage.Event(rs.getLong(1), rs.getString(4).equals("note") ? "note" : "message",
                            rs.getString(2), rs.getString(3), null, rs.getString(4).equals("note") ? null : rs.getString(5),
                            null),
                    h.channel(), h.address(), db.newestLine(h.channel(), h.address()), since, mentions));
            events.addAll(Statements.list(c, "SELECT created_at, kind, body, channel, COALESCE(delivery_status, status) "
                            + "FROM outbox WHERE address = ? AND created_at >= ? AND kind NOT IN " + IN_TRANSCRIPT
                            + " AND body LIKE ? ORDER BY created_at",
                    rs -> new ComplaintPage.Event(rs.getLong(1), "message", "kanal:" + rs.getString(2), rs.getString(3),
                            null, rs.getString(4), rs.getString(5)),
                    h.address(), since, mentions));
            events.addAll(Statements.list(c, "SELECT at, author, body FROM complaint_note WHERE ticket = ? ORDER BY seq",
                    rs -> new ComplaintPage.Event(rs.getLong(1), "note", rs.getString(2), rs.getString(3), null, null,
                            null), ticket));
            return events;
        }));
        // Stable: at one moment a status change comes before the message about it, and notes last.
        out.sort(Comparator.comparingLong(ComplaintPage.Event::at));
        return out;
    }
}
