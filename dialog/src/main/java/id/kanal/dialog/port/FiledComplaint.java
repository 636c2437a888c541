package id.kanal.dialog.port;

import java.util.Objects;
import java.util.Optional;

/**
 * The answer to filing: the ticket code and the agency it was routed to.
 *
 * @param duplicateOf when the desk recognised the same problem already reported and still open:
 *                    that complaint's ticket. The new ticket is linked to it and its reporter is
 *                    told of every change of the original, so the dialog can say "already known,
 *                    you will follow its updates".
 */
public record FiledComplaint(String ticket, String agencyName, Optional<String> duplicateOf) {
    public FiledComplaint {
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(agencyName, "agencyName");
        Objects.requireNonNull(duplicateOf, "duplicateOf");
    }

    /** A complaint that repeats no open one. */
    public FiledComplaint(String ticket, String agencyName) {
        this(ticket, agencyName, Optional.empty());
    }

    public boolean isDuplicate() {
        return duplicateOf.isPresent();
    }
}
