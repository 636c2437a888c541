package id.kanal.intents;

import opennlp.tools.util.ext.ExtensionLoader;

import java.util.logging.Level;
import java.util.logging.Logger;

/** OpenNLP's process-wide settings, made once before a model is trained or read. */
final class OpenNlpSetup {
    /** Kept strongly: java.util.logging forgets the level of a logger nobody references. */
    private static final Logger OPENNLP_LOG = Logger.getLogger("opennlp");

    static {
        // OpenNLP logs every training iteration at INFO; Kanal trains at start-up.
        OPENNLP_LOG.setLevel(Level.WARNING);
        // OpenNLP 2.x instantiates a model's feature generator by name only from allowed packages.
        ExtensionLoader.registerAllowedPackage(KanalFeatureGenerator.class.getPackageName());
    }

    private OpenNlpSetup() {
    }

    /** Runs the static set-up above once (class initialisation). */
    static void ensure() {
        // nothing: loading the class did it
    }
}
