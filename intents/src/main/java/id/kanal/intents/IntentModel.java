package id.kanal.intents;

import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.util.CollectionObjectStream;
import opennlp.tools.util.TrainingParameters;

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

/**
 * A trained intent model over {@link KanalFeatureGenerator} features, in one of two kinds:
 * Kanal's SGD softmax maxent ({@link Softmax}, {@link ModelOptions#SOFTMAX}, the default: it
 * measures better than OpenNLP's trainers, see {@link ModelOptions#defaults()}) or an OpenNLP
 * document categorizer ({@link OpenNlp}: GIS maxent, perceptron, naive Bayes). Models are
 * shared and immutable.
 */
public sealed interface IntentModel permits IntentModel.Softmax, IntentModel.OpenNlp {

    /** The category names, in the order of {@link #score}'s result. */
    List<String> categories();

    /** One probability per category for normalised words. */
    double[] score(String[] words);

    void save(OutputStream out) throws IOException;

    /** Kanal's own softmax model. */
    record Softmax(SoftmaxModel model, List<String> categories) implements IntentModel {
        Softmax(SoftmaxModel model) {
            this(model, List.of(model.classes()));
        }

        @Override
        public double[] score(String[] words) {
            return model.score(words);
        }

        @Override
        public void save(OutputStream out) throws IOException {
            DataOutputStream data = new DataOutputStream(new BufferedOutputStream(Objects.requireNonNull(out, "out")));
            model.write(data);
            data.flush();
        }
    }

    /**
     * An OpenNLP document categorizer. {@link DocumentCategorizerME} is not thread-safe, so every
     * {@link #score} call makes its own (it only holds references, so this costs microseconds).
     */
    record OpenNlp(DoccatModel model, List<String> categories) implements IntentModel {
        OpenNlp(DoccatModel model) {
            this(model, categoriesOf(model));
        }

        private static List<String> categoriesOf(DoccatModel model) {
            DocumentCategorizerME me = new DocumentCategorizerME(model);
            List<String> out = new ArrayList<>(me.getNumberOfCategories());
            for (int i = 0; i < me.getNumberOfCategories(); i++) {
                out.add(me.getCategory(i));
            }
            return List.copyOf(out);
        }

        @Override
        public double[] score(String[] words) {
            return new DocumentCategorizerME(model).categorize(words);
        }

        @Override
        public void save(OutputStream out) throws IOException {
            model.serialize(Objects.requireNonNull(out, "out"));
        }
    }

    /** Trains on already-normalised examples (words separated by single spaces). */
    static IntentModel train(List<Example> normalised, ModelOptions options) {
        OpenNlpSetup.ensure();
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
            return new Softmax(SoftmaxModel.train(labels, docs, options));
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
            return new OpenNlp(model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a model written by {@link #save}: an OpenNLP doccat zip or Kanal's softmax format. */
    static IntentModel load(InputStream in) throws IOException {
        OpenNlpSetup.ensure();
        BufferedInputStream buffered = new BufferedInputStream(Objects.requireNonNull(in, "in"));
        buffered.mark(64);
        int first = buffered.read();
        buffered.reset();
        if (first == 'P') { // a zip file: OpenNLP's own model format
            return new OpenNlp(new DoccatModel(buffered));
        }
        DataInputStream data = new DataInputStream(buffered);
        String magic = data.readUTF();
        if (!SoftmaxModel.MAGIC.equals(magic)) {
            throw new IOException("not an intent model (header " + magic + ")");
        }
        return new Softmax(SoftmaxModel.read(data));
    }

    static String[] words(String normalised) {
        return normalised.isEmpty() ? new String[0] : normalised.split(" ");
    }
}
