package id.kanal.channels.web;

import id.kanal.dialog.Address;
import id.kanal.dialog.Language;
import id.kanal.dialog.Texts;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a channel adapter says itself, not the dialog (the apology when a turn fails, Telegram's
 * "number linked"), from the message bundles in the resident's language where it is known.
 * The lookup may fail (the database is often the very failure being apologised for): then the
 * language counts as unknown, and the apology still goes out.
 */
public final class AdapterTexts {
    private static final System.Logger LOG = System.getLogger(AdapterTexts.class.getName());

    private final Texts texts;
    private final Function<Address, Optional<Language>> languages;

    /** @param languages the resident's remembered language, empty when unknown */
    public AdapterTexts(Texts texts, Function<Address, Optional<Language>> languages) {
        this.texts = Objects.requireNonNull(texts, "texts");
        this.languages = Objects.requireNonNull(languages, "languages");
    }

    /** The built-in wording, without knowing anyone's language (Indonesian then). */
    public static AdapterTexts builtIn() {
        return new AdapterTexts(Texts.builtIn(), a -> Optional.empty());
    }

    /** The resident's language, or empty when it is unknown or cannot be read now. */
    public Optional<Language> languageOf(Address resident) {
        try {
            return Objects.requireNonNullElse(languages.apply(resident), Optional.empty());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "resident language unreadable: " + e);
            return Optional.empty();
        }
    }

    /** The text in the resident's language; Indonesian, Kanal's default, when it is unknown. */
    public String get(Address resident, String key) {
        return texts.get(languageOf(resident).orElse(Language.ID), key);
    }

    public String get(Language language, String key) {
        return texts.get(language, key);
    }

    /** The polite "service is having trouble" for a turn that failed. */
    public String apology(Address resident) {
        return get(resident, "unavailable");
    }

    /** The text in every language, Indonesian first: for a resident whose language is not known yet. */
    public String inEveryLanguage(String key) {
        StringBuilder out = new StringBuilder();
        for (Language language : Language.values()) {
            out.append(out.isEmpty() ? "" : "\n").append(texts.get(language, key));
        }
        return out.toString();
    }
}
