package id.kanal.dialog.port;

import id.kanal.dialog.Address;
import id.kanal.dialog.Language;

import java.util.Optional;

/**
 * What a resident chose, kept across channels (SMS, USSD and WhatsApp share the phone number):
 * their language, and whether they sent STOP.
 */
public interface ResidentPreferences {
    Optional<Language> language(Address resident);

    void setLanguage(Address resident, Language language);

    boolean isOptedOut(Address resident);

    void setOptedOut(Address resident, boolean optedOut);
}
