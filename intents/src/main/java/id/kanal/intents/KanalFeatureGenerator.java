package id.kanal.intents;

import opennlp.tools.doccat.FeatureGenerator;

import java.util.Collection;
import java.util.Map;

/**
 * The features the intent model sees: words, word pairs and character 3- to 5-grams of each
 * word with its boundaries ("<tolong>" gives "<to", "tol", ...). Character grams carry typos
 * and SMS spellings the slang list misses ("tlong", "tolonk"); pairs carry word order ("ke
 * mana" versus "mana ke"). Public with a no-argument constructor because a saved
 * {@link opennlp.tools.doccat.DoccatModel} names its feature generator by class and
 * instantiates it on load. Stateless and thread-safe.
 */
public final class KanalFeatureGenerator implements FeatureGenerator {
    private static final int MIN_GRAM = 3;
    private static final int MAX_GRAM = 5;

    /** Receives each feature as the first {@code length} characters of {@code chars} (valid during the call only). */
    @FunctionalInterface
    interface Sink {
        void accept(char[] chars, int length);
    }

    public KanalFeatureGenerator() {
        // Required by DoccatFactory, which creates generators by reflection when a model loads.
    }

    @Override
    public Collection<String> extractFeatures(String[] text, Map<String, Object> extraInformation) {
        // A set, not a list: a word seen twice (or a 3-gram inside one long word) should not
        // count double; binary features make GIS and the perceptron steadier on short messages.
        java.util.Set<String> out = new java.util.LinkedHashSet<>(text.length * 24 + 4);
        features(text, (chars, length) -> out.add(new String(chars, 0, length)));
        return out;
    }

    /**
     * Every feature of {@link #extractFeatures} in the same order, repeats included, written into one
     * buffer: scoring looks them up by their characters ({@link FeatureIndex}) without a string each
     * (a 10-word message has about 150 of them).
     */
    static void features(String[] text, Sink sink) {
        int longest = 4; // "</s>"
        for (String word : text) {
            longest = Math.max(longest, word.length());
        }
        // The longest feature is a pair: "b=" + previous + "_" + word.
        char[] feature = new char[2 * longest + 3];
        char[] padded = new char[longest + 2];
        String previous = "<s>";
        for (String word : text) {
            sink.accept(feature, put(feature, put(feature, 0, "w="), word));
            sink.accept(feature, pair(feature, previous, word));
            previous = word;
            int len = word.length() + 2;
            padded[0] = '<';
            word.getChars(0, word.length(), padded, 1);
            padded[len - 1] = '>';
            feature[0] = 'c';
            feature[1] = '=';
            for (int n = MIN_GRAM; n <= MAX_GRAM; n++) {
                for (int i = 0; i + n <= len; i++) {
                    System.arraycopy(padded, i, feature, 2, n);
                    sink.accept(feature, n + 2);
                }
            }
        }
        if (text.length > 0) {
            sink.accept(feature, pair(feature, previous, "</s>"));
        }
    }

    private static int pair(char[] feature, String previous, String word) {
        int at = put(feature, 0, "b=");
        at = put(feature, at, previous);
        at = put(feature, at, "_");
        return put(feature, at, word);
    }

    /** Writes {@code s} at {@code at}; returns the position after it. */
    private static int put(char[] feature, int at, String s) {
        s.getChars(0, s.length(), feature, at);
        return at + s.length();
    }
}
