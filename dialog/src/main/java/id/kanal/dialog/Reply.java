package id.kanal.dialog;

import java.util.List;
import java.util.Objects;

/**
 * What Kanal answers, channel-neutral. The text is complete on its own (numbered options are
 * written into it, so SMS and USSD need nothing else); {@link #options()} repeats them so
 * chat channels can show buttons.
 *
 * @param endSession true when the exchange is over (a USSD session answers {@code END})
 */
public record Reply(String text, List<Option> options, boolean endSession) {
    public Reply {
        Objects.requireNonNull(text, "text");
        options = List.copyOf(options);
    }

    public static Reply of(String text) {
        return new Reply(text, List.of(), false);
    }

    /** No answer at all (an agent owns the conversation, or a repeated STOP). */
    public static Reply silent() {
        return new Reply("", List.of(), false);
    }

    public boolean isSilent() {
        return text.isEmpty();
    }

    /** A numbered choice: {@code key} is what the resident sends back ("1"), {@code label} what they see. */
    public record Option(String key, String label) {
        public Option {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(label, "label");
        }
    }
}
