package id.kanal.services.alerts;

import java.util.Objects;

/**
 * The region of the deployment whose alerts these are. Its subscribers are found by their address:
 * the default region's residents keep their bare value, another region's carry {@code @<code>}
 * ({@code Address.inRegion}), so a region's price or area alert reaches only those who subscribed
 * while writing to that region, with no region column to keep in step with the address.
 *
 * @param code      the region's code (price marks and sent area alerts are kept under it)
 * @param isDefault whether this is the deployment's default region (bare addresses; area alerts sent
 *                  before regions existed, with no region, are shown as its own)
 */
public record AlertRegion(String code, boolean isDefault) {
    public AlertRegion {
        Objects.requireNonNull(code, "code");
    }

    /** A single region's deployment: the default region. */
    public static AlertRegion only(String code) {
        return new AlertRegion(code, true);
    }

    /** The SQL condition on {@code alert_subscription.address} that picks this region's subscribers. */
    String subscriberCondition() {
        return isDefault ? "address NOT LIKE '%@%'" : "address LIKE ? ESCAPE '!'";
    }

    /** The parameters of {@link #subscriberCondition()}, in order. */
    Object[] subscriberParameters() {
        return isDefault ? new Object[0] : new Object[] {"%@" + code.replaceAll("([!%_])", "!$1")};
    }

    /** The SQL condition on {@code area_alert.region_code} that picks the alerts this region sent. */
    String sentCondition() {
        return isDefault ? "(region_code = ? OR region_code IS NULL)" : "region_code = ?";
    }

    /** Joins the subscriber parameters after the others of a query. */
    Object[] withSubscriberParameters(Object... before) {
        Object[] extra = subscriberParameters();
        Object[] all = java.util.Arrays.copyOf(before, before.length + extra.length);
        System.arraycopy(extra, 0, all, before.length, extra.length);
        return all;
    }
}
