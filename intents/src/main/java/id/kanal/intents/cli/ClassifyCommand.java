package id.kanal.intents.cli;

import id.kanal.dialog.port.Intent;
import id.kanal.dialog.port.IntentClassifier;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code kanal classify}: one message per input line, one JSON object per output line,
 * {@code {"text":"harga beras brp","intent":"price.query","confidence":0.93,"entities":{"commodity":"beras"}}}.
 */
public final class ClassifyCommand {
    private ClassifyCommand() {
    }

    /** Reads {@code in} to its end; returns the process exit code (0, or 1 when reading fails). */
    public static int run(IntentClassifier classifier, BufferedReader in, PrintStream out) {
        try {
            String line;
            while ((line = in.readLine()) != null) {
                out.println(toJson(line, classifier.classify(line)));
            }
            out.flush();
            return 0;
        } catch (IOException e) {
            System.err.println("classify: cannot read input: " + e.getMessage());
            return 1;
        }
    }

    static String toJson(String text, Intent intent) {
        StringBuilder sb = new StringBuilder(128);
        sb.append("{\"text\":").append(Json.quote(text))
                .append(",\"intent\":").append(Json.quote(intent.name()))
                .append(",\"confidence\":").append(String.format(Locale.ROOT, "%.2f", intent.confidence()))
                .append(",\"entities\":{");
        boolean first = true;
        // Sorted keys: the same message always prints the same line (diffable output).
        for (Map.Entry<String, String> e : new TreeMap<>(intent.entities()).entrySet()) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            sb.append(Json.quote(e.getKey())).append(':').append(Json.quote(e.getValue()));
        }
        return sb.append("}}").toString();
    }
}
