package id.kanal.channels.ussd;

import java.time.Instant;
import java.util.Objects;

/**
 * What the adapter remembers about one gateway session, so it can take only the new input
 * from the cumulative {@code text} and page long replies.
 *
 * @param text          the gateway's {@code text} last answered (every input so far, joined by {@code *})
 * @param screen        the full reply last shown (before paging), GSM-7
 * @param screenEnds    whether that reply closes the session (its last page answers {@code END})
 * @param page          the page of {@code screen} shown
 * @param resumePending the session is asking "continue?"; {@code screen} and {@code page} are the dropped session's
 */
public record UssdSession(String sessionId, String phone, String text, String screen, boolean screenEnds, int page,
                          boolean resumePending, Instant updatedAt) {
    public UssdSession {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(screen, "screen");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (page < 0) {
            throw new IllegalArgumentException("page must be >= 0: " + page);
        }
    }
}
