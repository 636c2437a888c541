package id.kanal.services.complaints;

/** No complaint has this ticket code; the HTTP layer answers 404. */
public final class ComplaintNotFoundException extends RuntimeException {
    public ComplaintNotFoundException(String ticket) {
        super("no complaint " + ticket);
    }
}
