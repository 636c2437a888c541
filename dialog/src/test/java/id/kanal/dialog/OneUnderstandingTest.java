package id.kanal.dialog;

import id.kanal.dialog.port.Intent;
import id.kanal.dialog.port.IntentClassifier;
import id.kanal.dialog.port.Trip;
import id.kanal.dialog.testing.MutableClock;
import id.kanal.dialog.testing.RecordingResidents;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** Issue 15: the classifier reads a message once per turn, however many steps of the turn need its reading. */
class OneUnderstandingTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T03:00:00Z"));
    private final Fakes.Conversations store = new Fakes.Conversations();
    private final Address resident = new Address(Channel.SMS, "+6281234567890");
    private final List<String> asked = new ArrayList<>();
    private final IntentClassifier keywords = new KeywordIntentClassifier();
    private final List<String> trips = new ArrayList<>();
    private final IntentClassifier counting = new IntentClassifier() {
        @Override
        public Intent classify(String text) {
            asked.add(text);
            return keywords.classify(text);
        }

        @Override
        public Trip trip(String text, Intent reading) {
            trips.add(text);
            return keywords.trip(text, reading);
        }
    };
    private final DialogEngine engine = new DialogEngine(DialogSettings.tangerang(), Texts.builtIn(),
            new DialogServices(store, new RecordingResidents(), counting, new Fakes.Complaints(clock),
                    new Fakes.Prices(clock), new Fakes.Schedules()), clock);
    private int ids;

    private Reply send(String text) {
        asked.clear();
        trips.clear();
        return engine.handle(InboundMessage.text("SM" + ++ids, resident, text, clock.instant()));
    }

    @Test
    void notUnderstoodAtTheMenu_classifiesOnce() {
        send("qwerty zxcv");
        assertEquals(List.of("qwerty zxcv"), asked, "the menu's reading is also the agent check's");
    }

    @Test
    void agentAskedForInsteadOfAPick_classifiesOnce_andQueues() {
        send("3");
        assertInstanceOf(State.AskingCommodity.class, store.conversations.get(resident).state());
        send("mau ngomong sama petugas");
        assertEquals(1, asked.size(), "change of mind and agent check read the same understanding: " + asked);
        assertInstanceOf(State.Queued.class, store.conversations.get(resident).state());
    }

    @Test
    void tripIsRead_onlyForADepartureQuestion_andItsAnswers() {
        send("harga beras");
        assertEquals(List.of(), trips, "a price question pays nothing for trips");
        send("jadwal kereta");
        assertEquals(List.of("jadwal kereta"), trips);
        assertInstanceOf(State.AskingStop.class, store.conversations.get(resident).state());
        send("dari tangerang ke duri");
        assertEquals(List.of("dari tangerang ke duri"), asked, "the answer is classified once");
        assertEquals(List.of("dari tangerang ke duri"), trips, "and its trip read once");
    }

    @Test
    void menuDigit_isNotClassified() {
        send("1");
        assertEquals(List.of(), asked);
    }

    @Test
    void understanding_classifiesLazily_andKeepsAFailure() {
        List<String> calls = new ArrayList<>();
        Understanding u = new Understanding(InboundMessage.text("SM1", resident, "halo", clock.instant()), text -> {
            calls.add(text);
            throw new IllegalStateException("broken");
        });
        assertEquals(List.of(), calls, "nothing is classified before it is asked for");
        assertEquals(Intent.of(id.kanal.dialog.port.Intents.OUT_OF_SCOPE, 0), u.reading());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, u::intent);
        assertEquals(1, calls.size(), "a failure is remembered, not retried within the turn");
    }
}
