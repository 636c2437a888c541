package id.kanal.app.console;

import java.util.Locale;

/** What a console account may do; each role includes the ones before it. */
public enum Role {
    /** Takes and answers conversations, handles complaints. */
    AGENT,
    /** Also keeps the canned replies. */
    SUPERVISOR,
    /** Also manages accounts. */
    ADMIN;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role of(String id) {
        try {
            return valueOf(id.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("role must be agent, supervisor or admin: " + id);
        }
    }

    public boolean atLeast(Role other) {
        return compareTo(other) >= 0;
    }
}
