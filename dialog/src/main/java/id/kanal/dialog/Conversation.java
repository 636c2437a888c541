package id.kanal.dialog;

import java.time.Instant;
import java.util.Objects;

/**
 * One resident's conversation on one channel.
 *
 * @param misunderstandings messages in a row that Kanal did not understand
 */
public record Conversation(Address resident, Language language, State state, int misunderstandings,
                           Instant lastActivity) {
    public Conversation {
        Objects.requireNonNull(resident, "resident");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(lastActivity, "lastActivity");
        if (misunderstandings < 0) {
            throw new IllegalArgumentException("misunderstandings must be >= 0: " + misunderstandings);
        }
    }

    /** A new conversation at the menu, in Indonesian. */
    public static Conversation start(Address resident, Instant now) {
        return new Conversation(resident, Language.ID, State.MENU, 0, now);
    }

    public Conversation with(State next) {
        return new Conversation(resident, language, next, misunderstandings, lastActivity);
    }

    public Conversation with(Language next) {
        return new Conversation(resident, next, state, misunderstandings, lastActivity);
    }
}
