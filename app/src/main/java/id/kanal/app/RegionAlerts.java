package id.kanal.app;

import id.kanal.services.alerts.AreaAlerts;
import id.kanal.services.alerts.PriceAlerts;
import id.kanal.services.alerts.SqlAlertSubscriptions;

import java.util.Objects;

/**
 * One region's alerts, made by {@link ResidentLoop#alertsFor}: its residents' subscriptions (a
 * {@code DAFTAR BANJIR} names one of its own kelurahan), its price alerts (its board, its
 * subscribers, its wording) and the area alerts its staff send to its kelurahan.
 */
public record RegionAlerts(String region, SqlAlertSubscriptions subscriptions, PriceAlerts prices, AreaAlerts areas) {
    private static final System.Logger LOG = System.getLogger(RegionAlerts.class.getName());

    public RegionAlerts {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(subscriptions, "subscriptions");
        Objects.requireNonNull(prices, "prices");
        Objects.requireNonNull(areas, "areas");
    }

    /**
     * Compares the region's prices with their alert marks and queues the alerts of any crossing;
     * returns how many. A failure is logged, never thrown: the import it follows has committed.
     */
    int checkPrices() {
        try {
            return prices.check();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "price alerts not checked region=" + region, e);
            return 0;
        }
    }
}
