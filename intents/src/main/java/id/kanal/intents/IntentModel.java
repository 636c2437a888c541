package id.kanal.intents;

import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.util.CollectionObjectStream;
import opennlp.tools.util.TrainingParameters;
import opennlp.tools.util.ext.ExtensionLoader;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A trained intent model over {@link KanalFeatureGenerator} features: either Kanal's SGD
 * softmax maxent ({@link ModelOptions#SOFTMAX}, the default) or an OpenNLP document categorizer
 * (GIS maxent, perceptron, naive Bayes). The model is shared and immutable;
 * {@link DocumentCategorizerME} is not thread-safe, so every {@link #score} call makes its own
 * (it only holds references, so this costs microseconds).
 */
public final class IntentModel {
    /** Kept strongly: java.util.logging forgets the level of a logger nobody references. */
    private static final Logger OPENNLP_LOG = Logger.getLogger("opennlp");

    static {
        // OpenNLP logs every training iteration at INFO; Kanal trains at start-up.
        OPENNLP_LOG.setLevel(Level.WARNING);
        // OpenNLP 2.x instantiates a model's feature generator by name only from allowed packages.
        ExtensionLoader.registerAllowedPackage(KanalFeatureGenerator.class.getPackageName());
    }

    private static final KanalFeatureGenerator FEATURES = new KanalFeatureGenerator();

    private final DoccatModel model;
    private final SoftmaxModel softmax;
    private final String[] categories;

    private IntentModel(SoftmaxModel softmax) {
        this.model = null;
        this.softmax = softmax;
        this.categories = softmax.classes();
    }

    private IntentModel(DoccatModel model) {
        this.model = model;
        this.softmax = null;
        DocumentCategorizerME me = new DocumentCategorizerME(model);
        this.categories = new String[me.getNumberOfCategories()];
        for (int i = 0; i < categories.length; i++) {
            categories[i] = me.getCategory(i);
        }
    }

    /** Trains on already-normalised examples (words separated by single spaces). */
    public static IntentModel train(List<Example> normalised, ModelOptions options) {
        Objects.requireNonNull(normalised, "normalised");
        Objects.requireNonNull(options, "options");
        if (normalised.isEmpty()) {
            throw new IllegalArgumentException("normalised must not be empty");
        }
        // The default: Kanal's SGD softmax measures better than OpenNLP's trainers (ModelOptions.defaults()).
        if (options.algorithm().equals(ModelOptions.SOFTMAX)) {
            List<String> labels = new ArrayList<>(normalised.size());
            List<java.util.Collection<String>> docs = new ArrayList<>(normalised.size());
            KanalFeatureGenerator features = new KanalFeatureGenerator();
            for (Example e : normalised) {
                labels.add(e.intent());
                docs.add(features.extractFeatures(words(e.text()), java.util.Map.of()));
            }
            return new IntentModel(SoftmaxModel.train(labels, docs, options));
        }
        List<DocumentSample> samples = new ArrayList<>(normalised.size());
        for (Example e : normalised) {
            samples.add(new DocumentSample(e.intent(), words(e.text())));
        }
        TrainingParameters params = new TrainingParameters();
        params.put(TrainingParameters.ALGORITHM_PARAM, options.algorithm());
        params.put(TrainingParameters.ITERATIONS_PARAM, options.iterations());
        params.put(TrainingParameters.CUTOFF_PARAM, options.cutoff());
        params.put("PrintMessages", false);
        params.put(TrainingParameters.THREADS_PARAM, Math.max(1, Runtime.getRuntime().availableProcessors()));
        if (options.l2() > 0) {
            params.put("L2Cost", options.l2());
        }
        try {
            DoccatModel model = DocumentCategorizerME.train("und", new CollectionObjectStream<>(samples), params,
                    new DoccatFactory(new FeatureGenerator[] {new KanalFeatureGenerator()}));
            return new IntentModel(model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a model written by {@link #save}: an OpenNLP doccat zip or Kanal's softmax format. */
    public static IntentModel load(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(Objects.requireNonNull(in, "in"));
        buffered.mark(64);
        int first = buffered.read();
        buffered.reset();
        if (first == 'P') { // a zip file: OpenNLP's own model format
            return new IntentModel(new DoccatModel(buffered));
        }
        DataInputStream data = new DataInputStream(buffered);
        String magic = data.readUTF();
        if (!SoftmaxModel.MAGIC.equals(magic)) {
            throw new IOException("not an intent model (header " + magic + ")");
        }
        return new IntentModel(SoftmaxModel.read(data));
    }

    public void save(OutputStream out) throws IOException {
        Objects.requireNonNull(out, "out");
        if (model != null) {
            model.serialize(out);
        } else {
            DataOutputStream data = new DataOutputStream(new BufferedOutputStream(out));
            softmax.write(data);
            data.flush();
        }
    }

    /** The category names, in the order of {@link #score}'s result. */
    public List<String> categories() {
        return List.of(categories);
    }

    /** One probability per category for normalised words. */
    public double[] score(String[] words) {
        if (softmax != null) {
            return softmax.score(FEATURES.extractFeatures(words, java.util.Map.of()));
        }
        return new DocumentCategorizerME(model).categorize(words);
    }

    static String[] words(String normalised) {
        return normalised.isEmpty() ? new String[0] : normalised.split(" ");
    }
}
