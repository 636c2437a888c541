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

    public KanalFeatureGenerator() {
        // Required by DoccatFactory, which creates generators by reflection when a model loads.
    }

    @Override
    public Collection<String> extractFeatures(String[] text, Map<String, Object> extraInformation) {
        // A set, not a list: a word seen twice (or a 3-gram inside one long word) should not
        // count double; binary features make GIS and the perceptron steadier on short messages.
        java.util.Set<String> out = new java.util.LinkedHashSet<>(text.length * 24 + 4);
        String previous = "<s>";
        // One builder for the character grams: each feature is one string, not a substring and a concatenation.
        StringBuilder gram = new StringBuilder(MAX_GRAM + 2).append("c=");
        for (String word : text) {
            out.add("w=" + word);
            out.add("b=" + previous + "_" + word);
            previous = word;
            String padded = "<" + word + ">";
            int len = padded.length();
            for (int n = MIN_GRAM; n <= MAX_GRAM; n++) {
                for (int i = 0; i + n <= len; i++) {
                    gram.setLength(2);
                    out.add(gram.append(padded, i, i + n).toString());
                }
            }
        }
        if (text.length > 0) {
            out.add("b=" + previous + "_</s>");
        }
        return out;
    }
}
