package id.kanal.app;

import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import id.kanal.dialog.Conversation;
import id.kanal.dialog.GeoPoint;
import id.kanal.dialog.InboundMessage;
import id.kanal.dialog.Language;
import id.kanal.dialog.Reply;
import id.kanal.dialog.Texts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Everything the dialog can answer fits the chat providers' limits, so no reply is clipped and
 * no button dropped: Telegram's sendMessage text at most 4096 characters and an inline button's
 * callback_data at most 64 bytes (https://core.telegram.org/bots/api#sendmessage,
 * https://core.telegram.org/bots/api#inlinekeyboardbutton; Kanal's menu options become buttons
 * whose callback_data is the option's key), and a WhatsApp body through Twilio at most 1600
 * characters (https://www.twilio.com/docs/messaging/api/message-resource, "Body").
 *
 * <p>Two enumerations: every bundle entry with long values filled in (as UssdScreensBundleTest
 * does for USSD), and every reply of the real dialog engine, walked state by state from the
 * menu in both languages with each offered option and a set of typical free inputs.
 */
class ChatLimitsTest {
    static final int TELEGRAM_TEXT = 4096;
    static final int TELEGRAM_CALLBACK_BYTES = 64;
    static final int WHATSAPP_BODY = 1600;
    /** Enough to reach every flow's end (a complaint is six steps from the menu). */
    private static final int MAX_DEPTH = 8;
    private static final Instant NOW = Instant.parse("2026-11-22T03:00:00Z");
    /** What residents type besides the offered numbers: words of every flow, in both languages. */
    private static final List<String> FREE_INPUTS = List.of("MENU", "BANTUAN", "HELP", "BATAL", "YA", "TIDAK",
            "Jl Merdeka No 12 RT 03 RW 05 Sukasari", "Jalan berlubang besar di depan sekolah", "STATUS TNG-000001",
            "harga beras", "harga cabai rawit di Pasar Anyar", "jadwal KRL Tangerang", "petugas", "99", "apa ini",
            // A resident's long message: every echo of it must be clipped.
            "Jalan di depan rumah saya rusak parah dan berlubang, ".repeat(30));

    @TempDir
    Path dataDir;
    private Kanal kanal;

    @AfterEach
    void close() {
        if (kanal != null) {
            kanal.close();
        }
    }

    @Test
    void everyBundleEntry_withLongValues_fitsTelegramAndWhatsApp() {
        Texts texts = Texts.builtIn();
        for (Language language : Language.values()) {
            for (String key : texts.keys(language)) {
                Map<String, String> values = new HashMap<>();
                // A 12-line list and 70-character echoes: longer than any real value.
                texts.placeholders(language, key).forEach(p -> values.put(p,
                        p.equals("choices") || p.equals("list") ? "10 Pelayanan publik kota\n".repeat(12).strip()
                                : "Jl. Merdeka Raya No. 123 RT 004/RW 011 Kelurahan Sukasari, Kota Tangerang"));
                assertFits(language + " " + key, Reply.of(texts.get(language, key, values)));
            }
        }
    }

    @Test
    void everyDialogReply_inBothLanguages_fitsTelegramAndWhatsApp() {
        kanal = Kanal.open(KanalHarness.settings(dataDir), Clock.fixed(NOW, ZoneOffset.UTC));
        Walk walk = new Walk();
        for (Language language : Language.values()) {
            walk.from(language);
        }
        // The walk must really have gone through the flows, or it proves nothing.
        assertTrue(walk.replies.size() > 40, walk.replies.size() + " distinct replies");
        assertTrue(walk.states.size() > 20, walk.states.size() + " distinct states");
        assertTrue(walk.replies.stream().anyMatch(r -> r.text().contains("TNG-")), "a complaint was filed");
        assertTrue(walk.replies.stream().anyMatch(r -> !r.options().isEmpty()), "options were offered");
        for (Reply r : walk.replies) {
            assertFits(r.text().lines().findFirst().orElse(""), r);
        }
    }

    static void assertFits(String where, Reply reply) {
        assertTrue(reply.text().length() <= TELEGRAM_TEXT,
                where + ": " + reply.text().length() + " characters, Telegram takes " + TELEGRAM_TEXT);
        assertTrue(reply.text().length() <= WHATSAPP_BODY,
                where + ": " + reply.text().length() + " characters, WhatsApp takes " + WHATSAPP_BODY);
        for (Reply.Option o : reply.options()) {
            int bytes = o.key().getBytes(StandardCharsets.UTF_8).length;
            assertTrue(bytes >= 1 && bytes <= TELEGRAM_CALLBACK_BYTES,
                    where + ": option '" + o.key() + "' is " + bytes + " bytes of callback_data");
        }
    }

    /**
     * A breadth-first walk over conversation states: each state seen once (by language, state and
     * misunderstandings), reached again by copying its conversation to a fresh chat and sending
     * one input there, so no path is replayed.
     */
    private final class Walk {
        final Set<Reply> replies = new LinkedHashSet<>();
        final Set<String> states = new HashSet<>();
        private int chats;
        private int messages;

        void from(Language language) {
            Address first = chat();
            kanal.residents().setLanguage(first, language, NOW);
            Deque<Node> queue = new ArrayDeque<>();
            Reply menu = send(first, "MENU");
            enqueue(queue, first, menu, 0);
            while (!queue.isEmpty()) {
                Node n = queue.removeFirst();
                Optional<Conversation> at = kanal.conversations().load(n.chat());
                if (at.isEmpty() || n.depth() >= MAX_DEPTH) {
                    continue;
                }
                List<InboundMessage> inputs = new ArrayList<>();
                for (Reply.Option o : n.reply().options()) {
                    inputs.add(text(o.key()));
                }
                for (String free : FREE_INPUTS) {
                    inputs.add(text(free));
                }
                // A shared location (Telegram and WhatsApp send one as a pin).
                inputs.add(new InboundMessage(id(), chat(), "", List.of(),
                        Optional.of(new GeoPoint(-6.1783056, 106.6318889)), NOW));
                for (InboundMessage input : inputs) {
                    Address child = chat();
                    Conversation c = at.get();
                    kanal.conversations().saveState(new Conversation(child, c.language(), c.state(),
                            c.misunderstandings(), c.lastActivity()));
                    kanal.residents().setLanguage(child, c.language(), NOW);
                    Reply reply = kanal.engine().handle(new InboundMessage(input.providerMessageId(), child,
                            input.text(), input.media(), input.location(), NOW));
                    enqueue(queue, child, reply, n.depth() + 1);
                }
            }
        }

        private void enqueue(Deque<Node> queue, Address chat, Reply reply, int depth) {
            replies.add(reply);
            Optional<Conversation> c = kanal.conversations().load(chat);
            // One state of each kind per language: a draft's words change no reply's length limits
            // beyond what the long inputs already show, and keeping every draft would take minutes.
            if (c.isPresent() && states.add(c.get().language() + " " + c.get().state().getClass().getSimpleName()
                    + " " + Math.min(c.get().misunderstandings(), 3))) {
                queue.addLast(new Node(chat, reply, depth));
            }
        }

        private Reply send(Address chat, String text) {
            return kanal.engine().handle(InboundMessage.text(id(), chat, text, NOW));
        }

        private InboundMessage text(String text) {
            return InboundMessage.text(id(), chat(), text, NOW);
        }

        private Address chat() {
            return new Address(Channel.TELEGRAM, String.valueOf(700_000_000 + chats++));
        }

        private String id() {
            return "walk-" + messages++;
        }
    }

    private record Node(Address chat, Reply reply, int depth) {
    }

    @Test
    void assertFits_catchesAnOversizedReplyAndButton() {
        // The checks themselves can fail: a test that cannot fail proves nothing.
        Reply tooLong = Reply.of("x".repeat(WHATSAPP_BODY + 1));
        assertEquals(AssertionError.class, failure(() -> assertFits("long", tooLong)));
        Reply wideButton = new Reply("ok", List.of(new Reply.Option("\u00e9".repeat(33), "label")), false);
        assertEquals(AssertionError.class, failure(() -> assertFits("button", wideButton)));
    }

    private static Class<?> failure(Runnable r) {
        try {
            r.run();
            return null;
        } catch (AssertionError e) {
            return AssertionError.class;
        }
    }
}
