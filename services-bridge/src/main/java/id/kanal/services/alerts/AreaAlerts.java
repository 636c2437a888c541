package id.kanal.services.alerts;

import id.kanal.dialog.Gsm7;
import id.kanal.dialog.Language;
import id.kanal.dialog.Texts;
import id.kanal.store.Database;
import id.kanal.store.Outbox;
import id.kanal.store.Residents;
import id.kanal.store.Statements;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A region's area alerts, which its staff send to one of its kelurahan or kecamatan: to every resident subscribed to one of its
 * kelurahan ({@code DAFTAR BANJIR <kelurahan>}), once each, never to one who sent STOP, through
 * the outbox (so at each provider's rate limit). The estimate and the send are one plan
 * ({@link AlertRoute}): what the console shows before is what goes out.
 */
public final class AreaAlerts {
    static final String KIND = "area-alert";
    /** The longest text staff may send: with the stop line, two SMS segments. */
    public static final int MAX_TEXT = 250;
    private static final System.Logger LOG = System.getLogger(AreaAlerts.class.getName());

    private final Database db;
    private final Areas areas;
    private final Texts texts;
    private final AlertSettings settings;
    private final Clock clock;
    private final AlertRegion region;

    /** @param areas the region's kecamatan and kelurahan; @param texts the region's wording */
    public AreaAlerts(Database db, Areas areas, Texts texts, AlertSettings settings, Clock clock, AlertRegion region) {
        this.region = java.util.Objects.requireNonNull(region, "region");
        this.db = db;
        this.areas = areas;
        this.texts = texts;
        this.settings = settings;
        this.clock = clock;
    }

    public Areas areas() {
        return areas;
    }

    /**
     * What sending would do now.
     *
     * @throws IllegalArgumentException for an unknown area or a text that is blank or too long
     */
    public AlertEstimate estimate(Areas.Kind kind, String area, String text) {
        List<String> kelurahan = kelurahan(kind, area, text);
        return db.read(c -> summary(kind, area, kelurahan, plan(c, kelurahan, text, clock.instant())));
    }

    /** Sends the alert (one transaction: the alert, its messages, their links); returns its id and what was queued. */
    public AlertFunnel send(Areas.Kind kind, String area, String text, String by) {
        List<String> kelurahan = kelurahan(kind, area, text);
        Instant now = clock.instant();
        String id = UUID.randomUUID().toString();
        AlertEstimate queued = db.inTransaction(c -> {
            List<AlertRoute.Planned> plan = plan(c, kelurahan, text, now);
            AlertEstimate e = summary(kind, area, kelurahan, plan);
            Statements.update(c, "INSERT INTO area_alert (id, area_kind, area_name, body, sent_by, sent_at, recipients, "
                            + "sms_segments, estimated_cost, region_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id,
                    e.areaKind(), e.area(), text.strip(), by, now.toEpochMilli(), e.recipients(), e.smsSegments(),
                    e.estimatedCost(), region.code());
            for (AlertRoute.Planned p : plan) {
                String outboxId = Outbox.enqueue(c, p.message(), now);
                Statements.update(c, "INSERT INTO area_alert_message (alert_id, outbox_id) VALUES (?, ?)", id, outboxId);
            }
            return e;
        });
        LOG.log(System.Logger.Level.INFO, "area alert id={0} region={7} area={1} {2} by={3} recipients={4} segments={5} "
                + "cost={6}", id, kind.name().toLowerCase(java.util.Locale.ROOT), queued.area(), by, queued.recipients(),
                queued.smsSegments(), queued.estimatedCost(), region.code());
        return funnel(id).orElseThrow();
    }

    /** An alert of this region's, with its delivery funnel; empty when the region sent no such alert. */
    public Optional<AlertFunnel> funnel(String id) {
        return db.read(c -> Statements.first(c, "SELECT id FROM area_alert WHERE id = ? AND " + region.sentCondition(),
                rs -> rs.getString(1), id, region.code()).isPresent() ? funnel(c, id) : Optional.empty());
    }

    /** The region's latest alerts, newest first, with their funnels. */
    public List<AlertFunnel> recent(int limit) {
        return db.read(c -> {
            List<String> ids = Statements.list(c, "SELECT id FROM area_alert WHERE " + region.sentCondition()
                    + " ORDER BY sent_at DESC, id LIMIT " + limit, rs -> rs.getString(1), region.code());
            List<AlertFunnel> out = new ArrayList<>();
            for (String id : ids) {
                funnel(c, id).ifPresent(out::add);
            }
            return out;
        });
    }

    private Optional<AlertFunnel> funnel(Connection c, String id) throws SQLException {
        Optional<AlertFunnel> head = Statements.first(c, "SELECT area_kind, area_name, sent_by, sent_at, recipients, "
                + "sms_segments, estimated_cost FROM area_alert WHERE id = ?", rs -> new AlertFunnel(id, rs.getString(1),
                rs.getString(2), rs.getString(3), rs.getLong(4), new AlertEstimate(rs.getString(1), rs.getString(2),
                List.of(), rs.getInt(5), Map.of(), rs.getInt(6), rs.getLong(7)), 0, 0, 0, 0), id);
        if (head.isEmpty()) {
            return head;
        }
        Map<String, Integer> byChannel = new TreeMap<>();
        long[] f = new long[4];
        for (String[] row : Statements.list(c, "SELECT o.channel, o.status, o.delivery_status FROM area_alert_message m "
                + "JOIN outbox o ON o.id = m.outbox_id WHERE m.alert_id = ?", rs -> new String[] {rs.getString(1),
                rs.getString(2), rs.getString(3)}, id)) {
            byChannel.merge(row[0], 1, Integer::sum);
            String delivery = row[2] == null ? "" : row[2];
            if (row[1].equals("FAILED") || Set.of("failed", "undelivered", "canceled").contains(delivery)) {
                f[3]++;
            } else if (Set.of("delivered", "read").contains(delivery)) {
                f[2]++;
            } else if (row[1].equals("SENT")) {
                f[1]++;
            } else {
                f[0]++;
            }
        }
        AlertFunnel h = head.get();
        AlertEstimate e = h.estimate();
        return Optional.of(new AlertFunnel(id, h.areaKind(), h.area(), h.sentBy(), h.sentAt(), new AlertEstimate(
                e.areaKind(), e.area(), List.of(), e.recipients(), byChannel, e.smsSegments(), e.estimatedCost()),
                f[0], f[1], f[2], f[3]));
    }

    private List<String> kelurahan(Areas.Kind kind, String area, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the alert's text is empty");
        }
        if (text.strip().length() > MAX_TEXT) {
            throw new IllegalArgumentException("the alert's text is longer than " + MAX_TEXT + " characters");
        }
        List<String> kelurahan = areas.kelurahanIn(kind, area);
        if (kelurahan.isEmpty()) {
            throw new IllegalArgumentException("no " + kind.name().toLowerCase(java.util.Locale.ROOT) + " named " + area);
        }
        return kelurahan;
    }

    /** One message per subscribed person (subscribed to several of the kelurahan: still one), STOP honoured. */
    private List<AlertRoute.Planned> plan(Connection c, List<String> kelurahan, String text, Instant now)
            throws SQLException {
        String in = String.join(", ", Collections.nCopies(kelurahan.size(), "?"));
        List<String[]> rows = Statements.list(c, "SELECT person, channel, address, language FROM alert_subscription "
                        + "WHERE topic = 'banjir' AND subject IN (" + in + ") AND " + region.subscriberCondition()
                        + " ORDER BY person, created_at DESC",
                rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)},
                region.withSubscriberParameters(kelurahan.toArray()));
        Set<String> seen = new HashSet<>();
        List<AlertRoute.Planned> plan = new ArrayList<>();
        for (String[] r : rows) {
            if (!seen.add(r[0]) || Residents.isPersonOptedOut(c, r[0])) {
                continue;
            }
            String body = text.strip() + texts.get(Language.of(r[3]), "alert.area.footer");
            plan.add(AlertRoute.plan(c, r[1], r[2], body, KIND, settings, now));
        }
        return plan;
    }

    private AlertEstimate summary(Areas.Kind kind, String area, List<String> kelurahan,
                                         List<AlertRoute.Planned> plan) {
        Map<String, Integer> byChannel = new TreeMap<>();
        int segments = 0;
        long cost = 0;
        for (AlertRoute.Planned p : plan) {
            byChannel.merge(p.message().to().channel().id(), 1, Integer::sum);
            segments += p.smsSegments();
            cost += p.rupiah();
        }
        String name = kind == Areas.Kind.KELURAHAN ? kelurahan.getFirst() : areas.kecamatan(area).orElseThrow();
        return new AlertEstimate(kind.name().toLowerCase(java.util.Locale.ROOT), name, kelurahan, plan.size(), byChannel,
                segments, cost);
    }
}
