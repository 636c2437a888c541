package id.kanal.intents.cli;

/**
 * Runs {@link NluEvalCommand} from a shell before app wires it:
 * {@code java -cp ... id.kanal.intents.cli.EvalMain --dataset ...}.
 */
public final class EvalMain {
    private EvalMain() {
    }

    public static void main(String[] args) {
        System.exit(NluEvalCommand.run(args, System.out));
    }
}
