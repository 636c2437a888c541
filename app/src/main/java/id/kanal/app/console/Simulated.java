package id.kanal.app.console;



/** Residents the simulator made up: see {@link id.kanal.store.Outbox#enqueue}, which keeps what Kanal sends them. */
final class Simulated {
    /** Provider ids of simulated messages start with this. */
    static final String PREFIX = id.kanal.store.Outbox.SIMULATED_PREFIX;

    private Simulated() {
    }
}
