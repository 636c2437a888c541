package id.kanal.services.alerts;

import id.kanal.dialog.Language;
import id.kanal.dialog.Texts;
import id.kanal.dialog.port.Commodity;
import id.kanal.dialog.port.PriceQuote;
import id.kanal.dialog.port.PriceService;
import id.kanal.store.Database;
import id.kanal.store.Outbox;
import id.kanal.store.Residents;
import id.kanal.store.Statements;

import java.sql.Connection;
import java.sql.SQLException;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A region's price alerts: each commodity's region-wide price on the region's board has a mark (the price it was last alerted at,
 * or first seen at). After an import, a price further than the threshold from its mark alerts the
 * commodity's subscribers once and becomes the new mark, so the same crossing never alerts twice
 * (a file imported again, another node checking too) and the next alert needs another crossing.
 * Run {@link #check} at start (marks the prices as they are) and after every import of the region's
 * prices. Only the region's subscribers are alerted, in the region's wording ({@code texts}).
 */
public final class PriceAlerts {
    static final String KIND = "price-alert";
    private static final System.Logger LOG = System.getLogger(PriceAlerts.class.getName());

    private final Database db;
    private final PriceService board;
    private final Texts texts;
    private final AlertSettings settings;
    private final Clock clock;
    private final AlertRegion region;

    public PriceAlerts(Database db, PriceService board, Texts texts, AlertSettings settings, Clock clock,
                       AlertRegion region) {
        this.region = java.util.Objects.requireNonNull(region, "region");
        this.db = db;
        this.board = board;
        this.texts = texts;
        this.settings = settings;
        this.clock = clock;
    }

    /** Compares every commodity with its mark; returns the alerts queued. */
    public int check() {
        int queued = 0;
        for (Commodity commodity : board.commodities()) {
            Optional<PriceQuote> quote = board.latest(commodity.name(), Optional.empty());
            if (quote.isPresent()) {
                queued += db.inTransaction(c -> crossing(c, quote.get(), clock.instant()));
            }
        }
        return queued;
    }

    private int crossing(Connection c, PriceQuote q, Instant now) throws SQLException {
        Optional<Long> mark = Statements.first(c, "SELECT rupiah FROM price_alert_mark WHERE region_code = ? "
                + "AND commodity = ?", rs -> rs.getLong(1), region.code(), q.commodity());
        if (mark.isEmpty()) {
            Statements.update(c, "INSERT INTO price_alert_mark (region_code, commodity, rupiah, day, marked_at) "
                    + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (region_code, commodity) DO NOTHING", region.code(),
                    q.commodity(), q.rupiah(), q.date().toString(), now.toEpochMilli());
            return 0;
        }
        long before = mark.get();
        double percent = before == 0 ? Double.POSITIVE_INFINITY : 100.0 * Math.abs(q.rupiah() - before) / before;
        if (percent <= settings.priceThresholdPercent()) {
            return 0;
        }
        // Conditional on the mark just read: of two checks at once, one moves the mark and alerts.
        if (Statements.update(c, "UPDATE price_alert_mark SET rupiah = ?, day = ?, marked_at = ? WHERE region_code = ? "
                + "AND commodity = ? AND rupiah = ?", q.rupiah(), q.date().toString(), now.toEpochMilli(), region.code(),
                q.commodity(), before) != 1) {
            return 0;
        }
        List<String[]> subscribers = Statements.list(c, "SELECT person, channel, address, language FROM alert_subscription "
                        + "WHERE topic = 'harga' AND subject = ? AND " + region.subscriberCondition() + " ORDER BY person",
                rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)},
                region.withSubscriberParameters(q.commodity()));
        int queued = 0;
        for (String[] s : subscribers) {
            if (Residents.isPersonOptedOut(c, s[0])) {
                continue;
            }
            String body = text(Language.of(s[3]), q, before, percent);
            Outbox.enqueue(c, AlertRoute.plan(c, s[1], s[2], body, KIND, settings, now).message(), now);
            queued++;
        }
        LOG.log(System.Logger.Level.INFO, "price alert region={0} commodity={1} from={2} to={3} queued={4}",
                region.code(), q.commodity(), before, q.rupiah(), queued);
        return queued;
    }

    private String text(Language lang, PriceQuote q, long before, double percent) {
        return texts.get(lang, "alert.price", Map.of("commodity", q.commodity(), "price", rupiah(q.rupiah()),
                "unit", q.unit(), "before", rupiah(before), "percent", String.valueOf(Math.round(percent)),
                "direction", texts.get(lang, q.rupiah() > before ? "alert.price.up" : "alert.price.down")));
    }

    private static String rupiah(long amount) {
        return NumberFormat.getIntegerInstance(Locale.forLanguageTag("id-ID")).format(amount);
    }
}
