package id.kanal.intents;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Scoring by the features' characters must give the very numbers scoring by their strings gave. */
class SoftmaxModelTest {
    private static final OpenNlpIntentClassifier CLASSIFIER = Classifiers.DEFAULT;
    private static final KanalFeatureGenerator FEATURES = new KanalFeatureGenerator();

    @Test
    void scoreOfWords_isBitForBitTheScoreOfTheirFeatureStrings() {
        SoftmaxModel model = ((IntentModel.Softmax) CLASSIFIER.model()).model();
        List<String> texts = new ArrayList<>();
        TrainingData.builtInTraining().forEach(e -> texts.add(e.text()));
        texts.addAll(List.of("", "a", "ok ok ok ok", "Harga “cabé” … brp? \uD83D\uDE00", "zzzzqqqq xxyy",
                "tolong tolong tolonggg lampu jalan mati di jl sudirman dekat pasar anyar",
                "x".repeat(1600), "kata ".repeat(300)));
        for (String text : texts) {
            String[] words = CLASSIFIER.normaliser().tokens(text).toArray(new String[0]);
            double[] byStrings = model.score(FEATURES.extractFeatures(words, Map.of()));
            assertArrayEquals(byStrings, model.score(words), 0.0, text);
        }
    }

    @Test
    void features_streamsWhatExtractFeaturesCollects() {
        String[] words = {"tolong", "lampu", "mati", "tolong"};
        List<String> streamed = new ArrayList<>();
        KanalFeatureGenerator.features(words, (chars, length) -> streamed.add(new String(chars, 0, length)));
        assertEquals(List.copyOf(FEATURES.extractFeatures(words, Map.of())),
                streamed.stream().distinct().toList());
        assertEquals(List.of("w=tolong", "b=<s>_tolong", "c=<to", "c=tol"), streamed.subList(0, 4));
        assertEquals("b=tolong_</s>", streamed.get(streamed.size() - 1));
    }
}
