package id.kanal.services.complaints;

import id.kanal.dialog.port.ComplaintStatus;

/** A status change the lifecycle does not allow; the HTTP layer answers 409 with {@link #getMessage()}. */
public final class TransitionRefusedException extends RuntimeException {
    private final transient ComplaintStatus from;
    private final transient ComplaintStatus to;

    public TransitionRefusedException(String ticket, ComplaintStatus from, ComplaintStatus to, String reason) {
        super(ticket + ": " + from + " -> " + to + " refused: " + reason);
        this.from = from;
        this.to = to;
    }

    public ComplaintStatus from() {
        return from;
    }

    public ComplaintStatus to() {
        return to;
    }
}
