package id.kanal.intents;

/** One built-in classifier for the whole test run: training costs about a second. */
final class Classifiers {
    static final OpenNlpIntentClassifier DEFAULT = OpenNlpIntentClassifier.create();

    private Classifiers() {
    }
}
