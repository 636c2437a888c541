package id.kanal.dialog.port;

import java.util.Objects;

/** The answer to filing: the ticket code and the agency it was routed to. */
public record FiledComplaint(String ticket, String agencyName) {
    public FiledComplaint {
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(agencyName, "agencyName");
    }
}
