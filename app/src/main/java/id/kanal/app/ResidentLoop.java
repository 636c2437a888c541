package id.kanal.app;

import id.kanal.dialog.LoopServices;
import id.kanal.dialog.Texts;
import id.kanal.dialog.port.PriceService;
import id.kanal.services.alerts.AlertSettings;
import id.kanal.services.alerts.Areas;
import id.kanal.services.alerts.AreaAlerts;
import id.kanal.services.alerts.PriceAlerts;
import id.kanal.services.alerts.SqlAlertSubscriptions;
import id.kanal.services.feedback.SqlResidentQuestions;
import id.kanal.services.feedback.SqlSatisfaction;
import id.kanal.store.Database;

import java.time.Clock;

/**
 * Closing the loop with residents, wired over the database: the dialog's questions and
 * subscriptions, price alerts (checked at start and after every price import), area alerts and
 * the satisfaction figures for the console.
 */
public final class ResidentLoop {
    private static final System.Logger LOG = System.getLogger(ResidentLoop.class.getName());

    private final LoopServices dialog;
    private final PriceAlerts priceAlerts;
    private final AreaAlerts areaAlerts;
    private final SqlSatisfaction satisfaction;

    ResidentLoop(Database db, PriceService prices, AlertSettings settings, Clock clock) {
        Areas areas = Areas.kotaTangerang();
        this.dialog = new LoopServices(new SqlResidentQuestions(db), new SqlAlertSubscriptions(db, areas));
        this.priceAlerts = new PriceAlerts(db, prices, Texts.builtIn(), settings, clock);
        this.areaAlerts = new AreaAlerts(db, areas, Texts.builtIn(), settings, clock);
        this.satisfaction = new SqlSatisfaction(db, clock);
    }

    public LoopServices dialog() {
        return dialog;
    }

    /**
     * Compares prices with their alert marks and queues the alerts of any crossing. A failure is
     * logged, never thrown: the import it follows has committed.
     */
    int checkPrices() {
        try {
            return priceAlerts.check();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "price alerts not checked", e);
            return 0;
        }
    }

    public AreaAlerts areaAlerts() {
        return areaAlerts;
    }

    public SqlSatisfaction satisfaction() {
        return satisfaction;
    }
}
