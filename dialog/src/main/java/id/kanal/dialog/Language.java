package id.kanal.dialog;

import java.util.Locale;

/** The languages Kanal answers in. */
public enum Language {
    ID, EN;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Language of(String code) {
        return valueOf(code.trim().toUpperCase(Locale.ROOT));
    }
}
