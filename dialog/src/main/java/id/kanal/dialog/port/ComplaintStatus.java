package id.kanal.dialog.port;

/** Where a complaint is in its lifecycle. */
public enum ComplaintStatus {
    RECEIVED, ASSIGNED, IN_PROGRESS, RESOLVED, REJECTED;

    public boolean isOpen() {
        return this != RESOLVED && this != REJECTED;
    }
}
