package id.kanal.app;

import id.kanal.intents.cli.ClassifyCommand;
import id.kanal.intents.cli.NluEvalCommand;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** {@code classify} (the live classifier, with the region's vocabulary) and {@code nlu-eval}. */
final class NluCommands {
    private NluCommands() {
    }

    static int classify(Settings settings, String[] args) {
        LogsToStderr.apply();
        try (Kanal kanal = Kanal.open(settings, Main.clock())) {
            return ClassifyCommand.run(kanal.classifier(),
                    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), System.out);
        }
    }

    static int evaluate(Settings settings, String[] args) {
        LogsToStderr.apply();
        return NluEvalCommand.run(args, System.out);
    }
}
