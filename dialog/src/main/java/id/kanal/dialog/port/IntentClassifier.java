package id.kanal.dialog.port;

/**
 * Turns a resident's free text into an {@link Intent}, and on request into the {@link Trip} it
 * asks about: the one place that understands text (the dialog keeps no word lists for meaning).
 * Implementations are thread-safe and never throw for any input: text they cannot place is
 * {@link Intents#OUT_OF_SCOPE}.
 */
@FunctionalInterface
public interface IntentClassifier {
    Intent classify(String text);

    /**
     * The trip {@code text} asks about, given the classifier's own {@code reading} of it (its
     * stop entities, say). Asked apart from {@link #classify} and only when a departure question
     * needs it (a schedule question, the answer to "from where?"), so that most turns do not pay
     * for it. A classifier that reads no trips answers {@link Trip#NONE}: the dialog then asks for
     * each stop and takes each answer as a name.
     */
    default Trip trip(String text, Intent reading) {
        return Trip.NONE;
    }
}
