package id.kanal.app;

import id.kanal.dialog.LoopServices;
import id.kanal.dialog.Texts;
import id.kanal.dialog.port.PriceService;
import id.kanal.services.alerts.AlertRegion;
import id.kanal.services.alerts.AlertSettings;
import id.kanal.services.alerts.Areas;
import id.kanal.services.alerts.AreaAlerts;
import id.kanal.services.alerts.PriceAlerts;
import id.kanal.services.alerts.SqlAlertSubscriptions;
import id.kanal.services.feedback.SqlResidentQuestions;
import id.kanal.services.feedback.SqlSatisfaction;
import id.kanal.store.Database;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Closing the loop with residents, wired over the database: the dialog's questions, each region's
 * alerts ({@link RegionAlerts}: subscriptions, price alerts checked at start and after every import
 * of that region's prices, area alerts) and the satisfaction figures for the console.
 */
public final class ResidentLoop {
    private final Database db;
    private final AlertSettings settings;
    private final Clock clock;
    private final SqlResidentQuestions questions;
    private final SqlSatisfaction satisfaction;
    /** Each region's alerts by region code; the default region's is made first. */
    private final Map<String, RegionAlerts> regions = new ConcurrentHashMap<>();
    private volatile RegionAlerts defaultRegion;

    ResidentLoop(Database db, AlertSettings settings, Clock clock) {
        this.db = db;
        this.settings = settings;
        this.clock = clock;
        this.questions = new SqlResidentQuestions(db);
        this.satisfaction = new SqlSatisfaction(db, clock);
    }

    /**
     * Makes a region's alerts: over its price board, in its wording, to its kelurahan, for the
     * residents who subscribed while writing to it.
     */
    RegionAlerts alertsFor(AlertRegion region, PriceService prices, Texts texts, Areas areas) {
        RegionAlerts alerts = new RegionAlerts(region.code(), new SqlAlertSubscriptions(db, areas),
                new PriceAlerts(db, prices, texts, settings, clock, region),
                new AreaAlerts(db, areas, texts, settings, clock, region));
        regions.put(region.code(), alerts);
        if (region.isDefault()) {
            defaultRegion = alerts;
        }
        return alerts;
    }

    /** What a region's engine asks and subscribes through: the shared questions, the region's subscriptions. */
    LoopServices dialog(RegionAlerts alerts) {
        return new LoopServices(questions, alerts.subscriptions());
    }

    /** The default region's area alerts. */
    public AreaAlerts areaAlerts() {
        return defaultRegion.areas();
    }

    /** A region's area alerts (to its own kecamatan and kelurahan), by region code. */
    public Optional<AreaAlerts> areaAlerts(String region) {
        return Optional.ofNullable(regions.get(region)).map(RegionAlerts::areas);
    }

    public SqlSatisfaction satisfaction() {
        return satisfaction;
    }
}
