package id.kanal.dialog;

import id.kanal.dialog.port.Intent;
import id.kanal.dialog.port.IntentClassifier;
import id.kanal.dialog.testing.MutableClock;
import id.kanal.dialog.testing.RecordingResidents;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** Issue 13, item 8: a turn that failed was answered with an apology and left no trace. */
class FailedTurnTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T03:00:00Z"));
    private final Fakes.Conversations store = new Fakes.Conversations();
    private final Address resident = new Address(Channel.SMS, "+6281234567890");
    private final AtomicInteger classified = new AtomicInteger();
    private final IntentClassifier broken = text -> {
        classified.incrementAndGet();
        throw new IllegalStateException("a bug in the classifier");
    };
    private final DialogEngine engine = new DialogEngine(DialogSettings.tangerang(), Texts.builtIn(),
            new DialogServices(store, new RecordingResidents(), broken, new Fakes.Complaints(clock),
                    new Fakes.Prices(clock), new Fakes.Schedules()), clock);

    @Test
    void failedTurn_isRecordedWithTheApology_andARetryGetsTheSameApologyWithoutRunningAgain() {
        InboundMessage m = InboundMessage.text("SM1", resident, "harga cabai berapa", clock.instant());
        Reply first = engine.handle(m);
        assertEquals(Texts.builtIn().get(Language.ID, "unavailable"), first.text());
        assertEquals(1, store.turns.size(), "the message and its apology are in the transcript");
        assertEquals("harga cabai berapa", store.turns.getFirst().inbound().text());
        assertInstanceOf(State.Menu.class, store.conversations.get(resident).state(), "the state is as it was");

        int calls = classified.get();
        assertEquals(first, engine.handle(m), "the provider's retry");
        assertEquals(calls, classified.get(), "a retry repeats the recorded answer, it does not run the turn again");
        assertEquals(1, store.turns.size());
    }

    @Test
    void failedTurn_storeDownToo_theFailureReachesTheAdapter() {
        id.kanal.dialog.port.ConversationStore down = new id.kanal.dialog.port.ConversationStore() {
            @Override
            public java.util.Optional<Reply> replyTo(Address from, String providerMessageId) {
                return java.util.Optional.empty();
            }

            @Override
            public java.util.Optional<Conversation> load(Address a) {
                return java.util.Optional.empty();
            }

            @Override
            public void save(id.kanal.dialog.port.Turn turn) {
                throw new IllegalStateException("database down");
            }

            @Override
            public void saveState(Conversation conversation) {
                throw new IllegalStateException("database down");
            }
        };
        DialogEngine engine = new DialogEngine(DialogSettings.tangerang(), Texts.builtIn(),
                new DialogServices(down, new RecordingResidents(), text -> Intent.of("greeting", 1),
                        new Fakes.Complaints(clock), new Fakes.Prices(clock), new Fakes.Schedules()), clock);
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> engine.handle(InboundMessage.text("SM2", resident, "halo", clock.instant())));
        assertEquals("database down", e.getMessage());
    }
}
