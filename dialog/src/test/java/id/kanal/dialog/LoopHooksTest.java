package id.kanal.dialog;

import id.kanal.dialog.port.AlertSubscriptions;
import id.kanal.dialog.port.PendingQuestion;
import id.kanal.dialog.port.ResidentQuestions;
import id.kanal.dialog.testing.MutableClock;
import id.kanal.dialog.testing.RecordingResidents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine's hooks for closing the loop, without a database: a pending question takes "1"/"2"
 * while it is the last thing said, never from a resident at the menu meanwhile nor from a
 * conversation an agent owns; a handback asks for a rating; alert keywords reach their flow in
 * any state. The same behaviour end to end: app's ClosingTheLoopTest and AlertsTest.
 */
class LoopHooksTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T03:00:00Z"));
    private final Fakes.Conversations store = new Fakes.Conversations();
    private final Address resident = new Address(Channel.SMS, "+6281234567890");
    private final Questions questions = new Questions();
    private final Subscriptions subscriptions = new Subscriptions();
    private final AtomicInteger ids = new AtomicInteger();
    private DialogEngine engine;

    @BeforeEach
    void setUp() {
        engine = new DialogEngine(DialogSettings.tangerang(), Texts.builtIn(),
                new DialogServices(store, new RecordingResidents(), new KeywordIntentClassifier(),
                        new Fakes.Complaints(clock), new Fakes.Prices(clock), new Fakes.Schedules()),
                new LoopServices(questions, subscriptions), clock);
    }

    /** Kanal asks "was TNG-000001 fixed?" {@code before} from now, and {@code after} that passes. */
    private void askWasItFixed(Duration before, Duration after) {
        clock.advance(before);
        questions.ask(PendingQuestion.Kind.FIXED, "TNG-000001", clock.instant());
        clock.advance(after);
    }

    @Test
    void question_lastThingSaid_1answersIt() {
        send("halo");
        askWasItFixed(Duration.ofHours(1), Duration.ofMinutes(5));
        assertEquals("Terima kasih, senang masalahnya sudah beres. Kirim MENU untuk layanan lain.", send("1").text());
        assertEquals(Map.of("TNG-000001", 1), questions.answers);
    }

    @Test
    void residentAtTheMenuMeanwhile_1isTheMenu() {
        send("halo");
        askWasItFixed(Duration.ofMinutes(1), Duration.ofMinutes(1));
        send("menu");
        clock.advance(Duration.ofMinutes(1));
        assertInstanceOf(State.ChoosingCategory.class, stateAfter("1"));
        assertEquals(Map.of(), questions.answers);
    }

    @Test
    void agentOwnsTheConversation_1goesToTheAgent() {
        send("petugas");
        assertTrue(engine.assignAgent(resident, "siti"));
        askWasItFixed(Duration.ofMinutes(1), Duration.ofMinutes(1));
        assertTrue(send("1").isSilent());
        assertEquals(Map.of(), questions.answers);
    }

    @Test
    void handback_asksForARating_1to5() {
        send("petugas");
        assertTrue(engine.assignAgent(resident, "siti"));
        clock.advance(Duration.ofMinutes(2));
        assertTrue(engine.handBack(resident, "siti").orElseThrow().endsWith("Balas 1 (buruk) sampai 5 (sangat baik)."));
        clock.advance(Duration.ofMinutes(1));
        assertTrue(send("5").text().startsWith("Terima kasih atas penilaian Anda (5 dari 5)."));
        assertEquals(Map.of("siti", 5), questions.answers);
    }

    @Test
    void alertKeywords_inAnyState() {
        send("1"); // choosing a complaint category
        assertTrue(send("DAFTAR BANJIR sukasari").text().startsWith("Anda terdaftar untuk info banjir"));
        assertTrue(send("daftar harga cabe rawit").text().contains("cabai rawit"));
        assertEquals("Langganan Anda:\nInfo banjir/wilayah: Sukasari\nInfo harga: cabai rawit\n"
                + "BERHENTI BANJIR atau BERHENTI HARGA untuk berhenti; STOP untuk berhenti semua.", send("langganan").text());
        assertTrue(send("berhenti banjir").text().startsWith("Anda berhenti menerima Info banjir/wilayah."));
        assertEquals(List.of("harga:cabai rawit"), subscriptions.list);
    }

    @Test
    void floodHelp_namesTheRegionAndOneOfItsKelurahan_noRegionWordingNeeded() {
        assertEquals("Tulis kelurahan/desa Anda, mis. DAFTAR BANJIR Sukasari.", send("DAFTAR BANJIR").text());
        send("menu"); // a second misunderstanding in a row would offer an agent instead
        assertEquals("Kelurahan \"atlantis\" tidak kami kenal. Tulis nama kelurahan/desa di Kota Tangerang, "
                + "mis. DAFTAR BANJIR Sukasari.", send("daftar banjir atlantis").text());
    }

    private Reply send(String text) {
        return engine.handle(InboundMessage.text("SM" + ids.incrementAndGet(), resident, text, clock.instant()));
    }

    private State stateAfter(String text) {
        send(text);
        return store.conversations.get(resident).state();
    }

    /** Questions in memory, for one resident. */
    private final class Questions implements ResidentQuestions {
        final List<PendingQuestion> asked = new CopyOnWriteArrayList<>();
        final Map<String, Integer> answers = new ConcurrentHashMap<>();

        void ask(PendingQuestion.Kind kind, String subject, Instant at) {
            asked.add(new PendingQuestion("q" + asked.size(), kind, subject, resident, at));
        }

        @Override
        public Optional<PendingQuestion> pending(Address who, Instant since) {
            return asked.stream().filter(q -> !answers.containsKey(q.subject()) && !q.askedAt().isBefore(since))
                    .max(Comparator.comparing(PendingQuestion::askedAt));
        }

        @Override
        public boolean answer(PendingQuestion q, int answer, Instant now) {
            return answers.putIfAbsent(q.subject(), answer) == null;
        }

        @Override
        public void askAgentRating(Address who, String agent, Instant now) {
            ask(PendingQuestion.Kind.AGENT, agent, now);
        }
    }

    /** Subscriptions in memory ("topic:subject"); Sukasari is the only kelurahan. */
    private static final class Subscriptions implements AlertSubscriptions {
        final List<String> list = new ArrayList<>();

        @Override
        public Optional<String> kelurahan(String words) {
            return words.equalsIgnoreCase("sukasari") ? Optional.of("Sukasari") : Optional.empty();
        }

        @Override
        public Optional<String> exampleKelurahan() {
            return Optional.of("Sukasari");
        }

        @Override
        public void subscribe(Address who, Language language, Subscription s, Instant now) {
            list.add(s.topic().id() + ":" + s.subject());
        }

        @Override
        public int leave(Address who, Topic topic) {
            int before = list.size();
            list.removeIf(s -> s.startsWith(topic.id() + ":"));
            return before - list.size();
        }

        @Override
        public List<Subscription> list(Address who) {
            return list.stream().sorted().map(s -> new Subscription(Topic.valueOf(s.split(":")[0].toUpperCase()),
                    s.split(":", 2)[1])).toList();
        }
    }
}
