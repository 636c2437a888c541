package id.kanal.services.live;

/**
 * Complaints counted by where they are (a JSON wire value). notYetHandled: RECEIVED or ASSIGNED;
 * inProgress: IN_PROGRESS; handled: RESOLVED; rejected: REJECTED; overdue: still open (one of the
 * first two groups) past their category's resolution days.
 */
public record Tally(long notYetHandled, long inProgress, long handled, long rejected, long overdue) {
    public static final Tally ZERO = new Tally(0, 0, 0, 0, 0);

    /** Every complaint counted (overdue ones are already among the open). */
    public long total() {
        return notYetHandled + inProgress + handled + rejected;
    }

    Tally plus(Tally o) {
        return new Tally(notYetHandled + o.notYetHandled, inProgress + o.inProgress, handled + o.handled,
                rejected + o.rejected, overdue + o.overdue);
    }

    /** {@code count} complaints in {@code status}, {@code overdue} of them overdue. */
    static Tally of(String status, long count, long overdue) {
        return switch (status) {
            case "RECEIVED", "ASSIGNED" -> new Tally(count, 0, 0, 0, overdue);
            case "IN_PROGRESS" -> new Tally(0, count, 0, 0, overdue);
            case "RESOLVED" -> new Tally(0, 0, count, 0, 0);
            case "REJECTED" -> new Tally(0, 0, 0, count, 0);
            default -> throw new IllegalStateException("unknown complaint status " + status);
        };
    }
}
