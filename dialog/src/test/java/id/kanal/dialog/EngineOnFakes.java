package id.kanal.dialog;

import id.kanal.dialog.testing.MutableClock;
import id.kanal.dialog.testing.RecordingResidents;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real {@link DialogEngine} over the {@link Fakes} (keyword classifier, built-in texts,
 * Tangerang's settings) on a clock the test moves, and a resident who talks to it by SMS.
 */
abstract class EngineOnFakes {
    final MutableClock clock;
    final Fakes.Conversations store = new Fakes.Conversations();
    final Fakes.Complaints complaints;
    final Address resident = new Address(Channel.SMS, "+6281234567890");
    final DialogEngine engine;
    private final AtomicInteger ids = new AtomicInteger();

    /** @param start where the clock stands when the test begins */
    EngineOnFakes(Instant start) {
        clock = new MutableClock(start);
        complaints = new Fakes.Complaints(clock);
        engine = new DialogEngine(DialogSettings.tangerang(), Texts.builtIn(),
                new DialogServices(store, new RecordingResidents(), new KeywordIntentClassifier(), complaints,
                        new Fakes.Prices(clock), new Fakes.Schedules()), clock);
    }

    Reply send(String text) {
        return send(resident, text);
    }

    Reply send(Address from, String text) {
        return engine.handle(InboundMessage.text("SM" + ids.incrementAndGet(), from, text, clock.instant()));
    }

    /** The resident's conversation state as stored after the last turn. */
    State state() {
        return store.conversations.get(resident).state();
    }
}
