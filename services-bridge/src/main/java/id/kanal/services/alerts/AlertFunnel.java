package id.kanal.services.alerts;

/**
 * How an area alert's messages went (a JSON wire value), from the outbox and the providers'
 * status callbacks: {@code queued} not yet handed to a provider, {@code sent} handed over,
 * {@code delivered} confirmed by the provider, {@code failed} refused (by the provider, or
 * skipped because the resident sent STOP meanwhile).
 */
public record AlertFunnel(String id, String areaKind, String area, String sentBy, long sentAt, AlertEstimate estimate,
                          long queued, long sent, long delivered, long failed) {
}
