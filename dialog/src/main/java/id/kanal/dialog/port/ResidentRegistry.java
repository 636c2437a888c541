package id.kanal.dialog.port;

import id.kanal.dialog.Address;
import id.kanal.dialog.Language;

import java.time.Instant;
import java.util.Optional;

/**
 * What Kanal keeps about a resident across channels: opt-out (STOP, Twilio error 21610,
 * Telegram "bot was blocked"), their language, and WhatsApp's 24-hour customer-service window.
 * SMS, USSD and WhatsApp addresses of one number are one resident.
 */
public interface ResidentRegistry {
    boolean isOptedOut(Address resident);

    /** Marks the resident as stopped: bulk messages are no longer sent to them. */
    void optOut(Address resident, Instant now);

    /** Takes a STOP back (MULAI/START): messages Kanal sends on its own reach the resident again. */
    void optIn(Address resident, Instant now);

    /** The language the resident chose, or was recognised in. */
    Optional<Language> language(Address resident);

    void setLanguage(Address resident, Language language, Instant now);

    /** When the resident last wrote on WhatsApp (free-form messages are allowed for 24 h after). */
    Optional<Instant> whatsAppLastInbound(Address resident);

    /** Records a WhatsApp message from the resident: opens the 24-hour window, keeps their profile name. */
    void whatsAppInbound(Address resident, Optional<String> profileName, Instant at);

    /** A registry that remembers nothing (tests, and servers without a database). */
    static ResidentRegistry none() {
        return new ResidentRegistry() {
            @Override
            public boolean isOptedOut(Address resident) {
                return false;
            }

            @Override
            public void optOut(Address resident, Instant now) {
            }

            @Override
            public void optIn(Address resident, Instant now) {
            }

            @Override
            public Optional<Language> language(Address resident) {
                return Optional.empty();
            }

            @Override
            public void setLanguage(Address resident, Language language, Instant now) {
            }

            @Override
            public Optional<Instant> whatsAppLastInbound(Address resident) {
                return Optional.empty();
            }

            @Override
            public void whatsAppInbound(Address resident, Optional<String> profileName, Instant at) {
            }
        };
    }
}
