package id.kanal.services.complaints;

import id.kanal.dialog.port.ComplaintStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static id.kanal.dialog.port.ComplaintStatus.ASSIGNED;
import static id.kanal.dialog.port.ComplaintStatus.IN_PROGRESS;
import static id.kanal.dialog.port.ComplaintStatus.RECEIVED;
import static id.kanal.dialog.port.ComplaintStatus.REJECTED;
import static id.kanal.dialog.port.ComplaintStatus.RESOLVED;

/**
 * The complaint lifecycle as an explicit table of allowed transitions:
 * <pre>
 * RECEIVED    -> ASSIGNED, REJECTED
 * ASSIGNED    -> IN_PROGRESS, RESOLVED, REJECTED
 * IN_PROGRESS -> RESOLVED, REJECTED
 * RESOLVED    -> IN_PROGRESS   (reopened, only within {@link #REOPEN_WINDOW} of the resolution)
 * REJECTED    -> (none)
 * </pre>
 * REJECTED needs a reason (the note). Staying in the same status is not a change and is refused.
 * ASSIGNED may go straight to RESOLVED because an agency often fixes a small problem (a street
 * light) the day it is told, and an external Open311 desk reports only open/closed.
 */
public final class ComplaintLifecycle {
    /** How long after its resolution a resident may reopen a complaint ("belum beres"). */
    public static final Duration REOPEN_WINDOW = Duration.ofDays(14);

    private static final Map<ComplaintStatus, Set<ComplaintStatus>> ALLOWED = new EnumMap<>(ComplaintStatus.class);

    static {
        ALLOWED.put(RECEIVED, EnumSet.of(ASSIGNED, REJECTED));
        ALLOWED.put(ASSIGNED, EnumSet.of(IN_PROGRESS, RESOLVED, REJECTED));
        ALLOWED.put(IN_PROGRESS, EnumSet.of(RESOLVED, REJECTED));
        ALLOWED.put(RESOLVED, EnumSet.of(IN_PROGRESS));
        ALLOWED.put(REJECTED, EnumSet.noneOf(ComplaintStatus.class));
    }

    private ComplaintLifecycle() {
    }

    /** The statuses a complaint in {@code from} may move to (ignoring the reopen window). */
    public static Set<ComplaintStatus> allowedFrom(ComplaintStatus from) {
        return Collections.unmodifiableSet(EnumSet.copyOf(ALLOWED.get(from)));
    }

    /**
     * The statuses a complaint in {@code from} may move to at {@code now}: the table, less the reopening
     * of a RESOLVED complaint once its window has passed. Exactly the targets {@link #check} lets through
     * (given a reason where {@link #needsReason} says so), in lifecycle order, so a client can offer these
     * and no others.
     *
     * @param resolvedAt when the complaint became RESOLVED, if it is
     */
    public static Set<ComplaintStatus> allowedNow(ComplaintStatus from, Optional<Instant> resolvedAt, Instant now) {
        if (reopenWindowClosed(from, resolvedAt, now)) {
            return Collections.unmodifiableSet(EnumSet.noneOf(ComplaintStatus.class));
        }
        return allowedFrom(from);
    }

    /** Whether a change to {@code to} needs a reason in its note (the resident is told why). */
    public static boolean needsReason(ComplaintStatus to) {
        return to == REJECTED;
    }

    /** The last moment a complaint resolved at {@code resolvedAt} may still be reopened (inclusive). */
    public static Instant reopenUntil(Instant resolvedAt) {
        return resolvedAt.plus(REOPEN_WINDOW);
    }

    /**
     * Checks one change.
     *
     * @param resolvedAt when the complaint became RESOLVED, if it is
     * @throws TransitionRefusedException with the reason when the lifecycle does not allow it
     */
    public static void check(String ticket, ComplaintStatus from, ComplaintStatus to, String note,
                             Optional<Instant> resolvedAt, Instant now) {
        if (!ALLOWED.get(from).contains(to)) {
            String allowed = ALLOWED.get(from).isEmpty() ? "none, it is final" : ALLOWED.get(from).toString();
            throw new TransitionRefusedException(ticket, from, to,
                    "a " + from + " complaint cannot become " + to + " (allowed: " + allowed + ")");
        }
        if (needsReason(to) && note.isBlank()) {
            throw new TransitionRefusedException(ticket, from, to, "rejecting a complaint needs a reason in the note");
        }
        if (reopenWindowClosed(from, resolvedAt, now)) {
            throw new TransitionRefusedException(ticket, from, to, "a complaint can be reopened only within "
                    + REOPEN_WINDOW.toDays() + " days of its resolution");
        }
    }

    private static boolean reopenWindowClosed(ComplaintStatus from, Optional<Instant> resolvedAt, Instant now) {
        return from == RESOLVED && resolvedAt.isPresent() && now.isAfter(reopenUntil(resolvedAt.get()));
    }
}
