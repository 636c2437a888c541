package id.kanal.dialog.port;

import id.kanal.dialog.Address;

import java.util.List;
import java.util.Optional;

/** The region's complaint desk. Failures of a remote desk surface as {@link ServiceUnavailableException}. */
public interface ComplaintService {
    /** The region's categories, in menu order. */
    List<Category> categories();

    FiledComplaint file(NewComplaint complaint);

    /** A complaint by its ticket code (any case). */
    Optional<ComplaintView> find(String ticket);

    /**
     * Whether the resident, by any identity linked to them (a Telegram chat that shared its phone
     * number is that number), filed the complaint or a duplicate linked to it. Only they hear its
     * location: ticket codes are sequential, so anyone can ask about any of them.
     */
    boolean filedBy(String ticket, Address resident);

    /**
     * A complaint by its ticket code, and whether the resident asking filed it ({@link #filedBy}): a
     * status question's answer. A desk on a database reads both in one transaction.
     */
    default Optional<Asked> findFor(String ticket, Address resident) {
        return find(ticket).map(v -> new Asked(v, filedBy(v.ticket(), resident)));
    }

    /** A complaint as a resident asked about it: {@code theirs} when they filed it or a duplicate linked to it. */
    record Asked(ComplaintView view, boolean theirs) {
        public Asked {
            java.util.Objects.requireNonNull(view, "view");
        }
    }

    /** The reporter's latest complaints, newest first. */
    List<ComplaintView> latestBy(Address reporter, int limit);

    /** A reporter says a resolved complaint is not fixed ("belum beres"): back to in progress, within 14 days. */
    ReopenOutcome reopen(String ticket, Address reporter, String note);

    /** How a reopen request ended. */
    enum ReopenOutcome {
        REOPENED,
        NOT_FOUND,
        /** Not resolved, resolved too long ago, or not this resident's complaint. */
        REFUSED
    }
}
