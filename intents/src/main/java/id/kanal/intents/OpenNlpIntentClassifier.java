package id.kanal.intents;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import id.kanal.dialog.port.Intent;
import id.kanal.dialog.port.IntentClassifier;
import id.kanal.dialog.port.Intents;
import id.kanal.dialog.port.ScheduleService;
import id.kanal.dialog.port.Trip;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Kanal's {@link IntentClassifier}: normalise, score with an {@link IntentModel}, extract
 * entities. A message is {@link Intents#OUT_OF_SCOPE} when the model says so (it is trained
 * with an out-of-scope class) or when the best in-scope probability is below the threshold.
 * Thread-safe; never throws for any input.
 *
 * <p>Despite the name, the model that scores by default is not OpenNLP's: it is Kanal's own SGD
 * softmax ({@link SoftmaxModel}, {@link ModelOptions#defaults()}), trained at start-up on the
 * built-in training data over OpenNLP's tokens and Kanal's {@link KanalFeatureGenerator}. An
 * OpenNLP document categorizer scores only when {@link Builder#options} names an OpenNLP trainer
 * or a saved OpenNLP model is loaded ({@code intents.model-path}); see {@link ModelOptions#defaults()}
 * for why.
 */
public final class OpenNlpIntentClassifier implements IntentClassifier {
    private static final System.Logger LOG = System.getLogger(OpenNlpIntentClassifier.class.getName());
    /**
     * Picked on Kanal's training data by 5-fold cross-validation ({@code nlu-eval --dataset kanal
     * --cv 5}), never on the held-out file: 0.32 (0.3194) for the default {@link ModelOptions}.
     */
    public static final double DEFAULT_THRESHOLD = 0.32;
    /**
     * Word lists whose scores are kept. The model's answer for the same words never changes (entities, read
     * from the live vocabulary and timetable, are found anew each time), and residents send the same few
     * words over and over: "halo", "menu", "cek harga beras", a broadcast's keyword that thousands answer at
     * once. Scoring is half of a classification (the bench: 4.4% of an SMS turn's CPU); a kept score is a
     * look-up. Caffeine's admission keeps one-off complaint descriptions from pushing the common ones out.
     */
    static final int KEPT_SCORES = 4_096;

    private final TextNormaliser normaliser;
    private final IntentModel model;
    private final EntityExtractor entities;
    private final double threshold;
    private final int outOfScopeIndex;
    /** Null: every message scored (an evaluation timing the model). */
    private final Cache<List<String>, Scored> scores;

    private OpenNlpIntentClassifier(TextNormaliser normaliser, IntentModel model, EntityExtractor entities,
                                    double threshold, int keptScores) {
        this.normaliser = normaliser;
        this.model = model;
        this.entities = entities;
        this.threshold = threshold;
        this.scores = keptScores == 0 ? null : Caffeine.newBuilder().maximumSize(keptScores).build();
        this.outOfScopeIndex = model.categories().indexOf(Intents.OUT_OF_SCOPE);
    }

    /** Built-in slang list, training data and Kota Tangerang vocabulary; trains now (well under 2 s). */
    public static OpenNlpIntentClassifier create() {
        return builder().build();
    }

    /**
     * What the app wires: configuration plus whichever services exist. Entity names follow the
     * services (call {@link LiveVocabulary#refresh()} on the returned vocabulary after an import);
     * absent services fall back to the built-in Kota Tangerang names.
     *
     * @throws IllegalArgumentException when a configured file cannot be read, naming the file
     */
    public static OpenNlpIntentClassifier create(IntentsConfig config, LiveVocabulary vocabulary,
                                                 Optional<ScheduleService> schedule) {
        return create(config, vocabulary, schedule, List.of());
    }

    /**
     * The same, learning also {@code extraTraining} (content packs' sentences, each labelled with its
     * pack's intent) beside the built-in training data. A saved model ({@code intents.model-path})
     * knows only what it was trained on: extra intents are then not learned.
     */
    public static OpenNlpIntentClassifier create(IntentsConfig config, LiveVocabulary vocabulary,
                                                 Optional<ScheduleService> schedule, List<Example> extraTraining) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(vocabulary, "vocabulary");
        Objects.requireNonNull(schedule, "schedule");
        Builder b = builder().threshold(config.threshold()).vocabulary(vocabulary);
        if (!extraTraining.isEmpty()) {
            List<Example> all = new ArrayList<>(TrainingData.builtInTraining());
            all.addAll(extraTraining);
            b.training(all);
        }
        schedule.ifPresent(s -> b.stopFinder(StopFinder.of(s)));
        try {
            if (config.lexiconPath().isPresent()) {
                Path path = config.lexiconPath().get();
                SlangLexicon lexicon = SlangLexicon.load(path);
                LOG.log(System.Logger.Level.INFO, "slang lexicon loaded path={0} entries={1}", path,
                        String.valueOf(lexicon.size()));
                b.normaliser(TextNormaliser.withLexicon(lexicon));
            }
            if (config.modelPath().isPresent()) {
                try (InputStream in = Files.newInputStream(config.modelPath().get())) {
                    b.model(IntentModel.load(in));
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + e.getMessage(), e);
        }
        return b.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Trains a model on examples after normalising them the way {@link #classify} will. */
    public static IntentModel train(List<Example> examples, TextNormaliser normaliser, ModelOptions options) {
        List<Example> normalised = new ArrayList<>(examples.size());
        for (Example e : examples) {
            normalised.add(new Example(e.intent(), normaliser.normalise(e.text()), Map.of()));
        }
        return IntentModel.train(normalised, options);
    }

    @Override
    public Intent classify(String text) {
        try {
            List<String> tokens = normaliser.tokens(text);
            Map<String, String> found = entities.extract(text, tokens);
            if (tokens.isEmpty()) {
                return new Intent(Intents.OUT_OF_SCOPE, 1.0, found);
            }
            Scored best = scores == null ? score(tokens) : scores.get(List.copyOf(tokens), this::score);
            if (found.containsKey("ticket") && tokens.size() <= 2) {
                // A bare ticket code ("TNG-004512") is a status question whatever the model thinks.
                return new Intent(Intents.COMPLAINT_STATUS, Math.max(best.probability, 0.9), found);
            }
            return new Intent(best.intent, best.probability, found);
        } catch (RuntimeException e) {
            // The port promises never to throw: a bug here must become "not understood", not a 500.
            LOG.log(System.Logger.Level.ERROR, "classify failed error=" + e, e);
            return Intent.of(Intents.OUT_OF_SCOPE, 1.0);
        }
    }

    /** The trip words around "dari X ke Y" and the like, the stops this classifier found preferred ({@link TripReader}). */
    @Override
    public Trip trip(String text, Intent reading) {
        try {
            return text == null ? Trip.NONE : TripReader.read(text, reading.entities());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "trip failed error=" + e, e);
            return Trip.NONE;
        }
    }

    /** How many word lists' scores are kept (tests). */
    long keptScoresForTests() {
        if (scores == null) {
            return 0;
        }
        scores.cleanUp();
        return scores.estimatedSize();
    }

    /** The intent and probability for normalised words, threshold applied, no entities. */
    Scored score(List<String> tokens) {
        double[] p = model.score(tokens.toArray(new String[0]));
        int bestIndex = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[bestIndex]) {
                bestIndex = i;
            }
        }
        double probability = clamp(p[bestIndex]);
        if (bestIndex == outOfScopeIndex) {
            return new Scored(Intents.OUT_OF_SCOPE, probability);
        }
        if (probability < threshold) {
            return new Scored(Intents.OUT_OF_SCOPE, clamp(1.0 - probability));
        }
        return new Scored(model.categories().get(bestIndex), probability);
    }

    /** The best category and its probability before the threshold: for tuning the threshold. */
    Scored rawBest(String text) {
        double[] p = model.score(normaliser.tokens(text).toArray(new String[0]));
        int bestIndex = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[bestIndex]) {
                bestIndex = i;
            }
        }
        return new Scored(model.categories().get(bestIndex), clamp(p[bestIndex]));
    }

    private static double clamp(double v) {
        return Double.isNaN(v) ? 0 : Math.max(0, Math.min(1, v));
    }

    /**
     * Classifies the built-in training texts {@code rounds} times and throws the answers away:
     * call once at start so the first residents do not pay for JIT compilation (on one core a
     * cold classify() spikes to milliseconds; warm it runs in tens of microseconds).
     */
    public void warmUp(int rounds) {
        List<Example> texts = TrainingData.builtInTraining();
        for (int r = 0; r < rounds; r++) {
            for (Example e : texts) {
                classify(e.text());
            }
            classify("Harga “cabé” … brp? \uD83D\uDE00"); // UTF-16 text takes other code paths
        }
    }

    public IntentModel model() {
        return model;
    }

    public double threshold() {
        return threshold;
    }

    public TextNormaliser normaliser() {
        return normaliser;
    }

    /** An intent name and a probability. */
    record Scored(String intent, double probability) {
    }

    /** Options for {@link OpenNlpIntentClassifier}; every one has a built-in default. */
    public static final class Builder {
        private TextNormaliser normaliser;
        private IntentModel model;
        private Supplier<Vocabulary> vocabulary;
        private Optional<StopFinder> stopFinder = Optional.empty();
        private double threshold = DEFAULT_THRESHOLD;
        private List<Example> training;
        private ModelOptions options = ModelOptions.defaults();
        private int keptScores = KEPT_SCORES;

        private Builder() {
        }

        /** Word lists whose scores are kept (default {@link #KEPT_SCORES}); 0 scores every message (timing the model). */
        public Builder keptScores(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("keptScores must be >= 0: " + value);
            }
            this.keptScores = value;
            return this;
        }

        /** Default: the built-in slang list ({@link TextNormaliser#builtIn()}). */
        public Builder normaliser(TextNormaliser value) {
            this.normaliser = Objects.requireNonNull(value, "normaliser");
            return this;
        }

        /** A saved model; default: train on {@link #training} at build time. */
        public Builder model(IntentModel value) {
            this.model = Objects.requireNonNull(value, "model");
            return this;
        }

        /** Default: {@link TrainingData#builtInTraining()}. */
        public Builder training(List<Example> value) {
            this.training = List.copyOf(value);
            return this;
        }

        public Builder options(ModelOptions value) {
            this.options = Objects.requireNonNull(value, "options");
            return this;
        }

        /** Default: {@link Vocabulary#tangerang()}; pass a {@link LiveVocabulary} to follow the services. */
        public Builder vocabulary(Supplier<Vocabulary> value) {
            this.vocabulary = Objects.requireNonNull(value, "vocabulary");
            return this;
        }

        /** Default: the vocabulary's stops; pass {@code StopFinder.of(scheduleService)} for the timetable. */
        public Builder stopFinder(StopFinder value) {
            this.stopFinder = Optional.of(Objects.requireNonNull(value, "stopFinder"));
            return this;
        }

        /** Minimum in-scope probability, in [0, 1]. */
        public Builder threshold(double value) {
            if (!(value >= 0 && value <= 1)) {
                throw new IllegalArgumentException("threshold must be in [0,1]: " + value);
            }
            this.threshold = value;
            return this;
        }

        public OpenNlpIntentClassifier build() {
            TextNormaliser n = normaliser != null ? normaliser : TextNormaliser.builtIn();
            IntentModel m = model;
            if (m == null) {
                long start = System.nanoTime();
                m = train(training != null ? training : TrainingData.builtInTraining(), n, options);
                // Strings, not numbers: System.Logger formats with MessageFormat, which writes 1,007.
                LOG.log(System.Logger.Level.INFO, "intent model trained ms={0} categories={1}",
                        String.valueOf((System.nanoTime() - start) / 1_000_000), String.valueOf(m.categories().size()));
            }
            Supplier<Vocabulary> v = vocabulary != null ? vocabulary : LiveVocabulary.fixed(Vocabulary.tangerang());
            return new OpenNlpIntentClassifier(n, m, new EntityExtractor(n, v, stopFinder), threshold, keptScores);
        }
    }
}
