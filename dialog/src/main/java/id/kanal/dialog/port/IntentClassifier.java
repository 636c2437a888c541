package id.kanal.dialog.port;

/**
 * Turns a resident's free text into an {@link Intent}. Implementations are thread-safe and
 * never throw for any input: text they cannot place is {@link Intents#OUT_OF_SCOPE}.
 */
@FunctionalInterface
public interface IntentClassifier {
    Intent classify(String text);
}
