package id.kanal.services.complaints;

import java.util.Objects;

/** A complaint moved from one agency to another (a JSON wire value): by whom, when (epoch ms) and why. */
public record Reassignment(String ticket, int seq, String fromAgency, String toAgency, String reason, String by,
                           long at) {
    public Reassignment {
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(fromAgency, "fromAgency");
        Objects.requireNonNull(toAgency, "toAgency");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(by, "by");
    }
}
