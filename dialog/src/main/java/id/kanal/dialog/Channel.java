package id.kanal.dialog;

import java.util.Locale;

/** The ways a resident reaches Kanal. */
public enum Channel {
    SMS, USSD, WHATSAPP, TELEGRAM;

    /** Worked out once: every turn asks for it several times (storage keys, logs, metrics). */
    private final String id = name().toLowerCase(Locale.ROOT);

    /** Lower-case name used in storage, URLs and logs ({@code sms}, {@code ussd}, ...). */
    public String id() {
        return id;
    }

    /** Parses {@link #id()} (any case). */
    public static Channel of(String id) {
        return valueOf(id.trim().toUpperCase(Locale.ROOT));
    }

    /** Whether replies travel as SMS-sized, GSM-7 text (SMS and USSD screens). */
    public boolean isNarrow() {
        return this == SMS || this == USSD;
    }
}
