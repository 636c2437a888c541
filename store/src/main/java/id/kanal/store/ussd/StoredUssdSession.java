package id.kanal.store.ussd;

import java.time.Instant;

/**
 * A row of the {@code ussd_session} table. The USSD adapter's own session type lives in the
 * channels module, which the store does not see; the app maps one onto the other.
 */
public record StoredUssdSession(String sessionId, String phone, String text, String screen, boolean screenEnds,
                                int page, boolean resumePending, Instant updatedAt) {
}
