package id.kanal.services.open311;

import java.util.Objects;

/**
 * A service request as an external Open311 desk reports it.
 *
 * @param status      {@code open} or {@code closed}
 * @param statusNotes the desk's explanation, empty when it gave none
 */
public record RemoteRequest(String serviceRequestId, String status, String statusNotes) {
    public RemoteRequest {
        Objects.requireNonNull(serviceRequestId, "serviceRequestId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(statusNotes, "statusNotes");
    }

    public boolean isClosed() {
        return "closed".equalsIgnoreCase(status);
    }
}
