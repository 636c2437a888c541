package id.kanal.store.console;

import java.util.Objects;

/**
 * A canned reply agents pick from (a JSON wire value: absent values are null).
 *
 * @param body     the Indonesian text; it may hold the variables {@code {tiket}}, {@code {status}}, {@code {agen}}
 * @param template a WhatsApp template reference, or null
 * @param shortcut what an agent types after "/" to pick it, or null
 * @param bodyEn   the English text, or null (the Indonesian text is used)
 */
public record CannedReply(String id, String title, String body, String template, String shortcut, String bodyEn) {
    public CannedReply {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
    }

    /** A reply in Indonesian only, without a shortcut. */
    public CannedReply(String id, String title, String body, String template) {
        this(id, title, body, template, null, null);
    }

    /** The text for a resident who speaks this language ("id" or "en"). */
    public String bodyFor(String language) {
        return "en".equals(language) && bodyEn != null && !bodyEn.isBlank() ? bodyEn : body;
    }
}
