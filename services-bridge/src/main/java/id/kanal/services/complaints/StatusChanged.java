package id.kanal.services.complaints;

import id.kanal.dialog.port.ComplaintStatus;

/** A status change that committed, and how many residents were told of it. */
public record StatusChanged(String ticket, ComplaintStatus from, ComplaintStatus to, int notified) {
}
