package id.kanal.dialog;

import id.kanal.dialog.port.ConversationStore;

import java.util.List;
import java.util.Set;

/**
 * Emergencies come first: a message that reads as one ("kebakaran!", "tlg ada yg tenggelam",
 * "fire", "banjir bandang") gets the emergency numbers at the top of its reply, in whatever state
 * the conversation is (menu, mid-complaint, queued for or with an agent), and the conversation goes
 * on as it would have. It errs on the side of sending the numbers: "kebakaran" in a complaint about
 * last week's fire gets them too, which costs a line; a missed emergency costs more. Words that are
 * only sometimes about danger stay out ("api" alone is a fire, a train, a stove; "tolong" alone is
 * politeness; "banjir" alone is the drainage complaint category).
 */
final class Emergencies {
    /** Whole words that name an emergency, Indonesian, SMS-speak and English. */
    private static final Set<String> WORDS = Set.of("darurat", "drurat", "emergency", "emergensi", "sos",
            "damkar", "pemadam", "tenggelam", "tenggelem", "tnggelam", "tenggelm", "hanyut", "kecelakaan", "kcelakaan",
            "tabrakan", "pingsan", "sekarat", "perampokan", "rampok", "dirampok", "begal", "dibegal", "pembunuhan",
            "ditusuk", "tertimpa", "longsor", "gempa", "kesetrum", "tersetrum", "ambulans", "ambulan", "ambulance",
            "fire", "drowning", "drowned", "accident", "robbery", "earthquake", "landslide", "unconscious");
    /** Word starts that cover inflections and SMS spellings ("kebakaran", "kbakaran", "terbakar", "kbkrn"). */
    private static final List<String> STEMS = List.of("kebakar", "kbakar", "kbkr", "terbakar", "trbakar", "tenggelam");
    /** Phrases whose words alone are everyday ("banjir" is a complaint, "banjir bandang" a disaster). */
    private static final List<String> PHRASES = List.of("banjir bandang", "bnjir bandang", "bnjr bandang",
            "banjir besar", "flash flood", "gas bocor",
            "bocor gas", "ada api", "api besar", "on fire", "help me", "tolong saya", "tlg saya", "orang jatuh",
            "serangan jantung", "heart attack", "gas leak");
    /** {@link #PHRASES} between spaces, as they are looked for in a padded text (built once, not per message). */
    private static final List<String> PADDED_PHRASES = PHRASES.stream().map(p -> " " + p + " ").toList();

    private final Replies replies;
    private final ConversationStore conversations;

    Emergencies(Replies replies, ConversationStore conversations) {
        this.replies = replies;
        this.conversations = conversations;
    }

    /** Whether the text reads as an emergency. */
    static boolean reads(String text) {
        return readsSimplified(Words.simplify(text));
    }

    /** {@link #reads} of a text already {@link Words#simplify simplified} (the turn's {@link Understanding#simple}). */
    static boolean readsSimplified(String simple) {
        if (simple.isEmpty()) {
            return false;
        }
        for (String word : simple.split(" ")) {
            if (WORDS.contains(word)) {
                return true;
            }
            for (String stem : STEMS) {
                if (word.startsWith(stem)) {
                    return true;
                }
            }
        }
        String padded = " " + simple + " ";
        for (String phrase : PADDED_PHRASES) {
            if (padded.contains(phrase)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The turn's reply, with the emergency numbers first when the message reads as an emergency. A
     * reply that would be silent (an agent owns the conversation) becomes the numbers alone; on SMS
     * and USSD the rest is cut to fit, never the numbers.
     */
    Reply first(Understanding u, Conversation after, Reply reply) {
        InboundMessage m = u.message();
        if (!readsSimplified(u.simple())) {
            return reply;
        }
        Channel channel = m.channel();
        String numbers = replies.text(after.language(), "emergency.numbers");
        if (reply.isSilent()) {
            return Reply.of(numbers);
        }
        String rest = reply.text();
        if (channel.isNarrow()) {
            rest = Gsm7.clip(Gsm7.sanitize(rest), Gsm7.TWO_SEGMENTS - Gsm7.septets(numbers) - 1);
        }
        return new Reply(numbers + "\n" + rest, reply.options(), reply.endSession());
    }

    /**
     * After the turn is saved: an emergency in a conversation queued for or owned by an agent puts a
     * staff-only note in its transcript (both languages), which the console shows and is told of at once.
     */
    void flagForAgent(Understanding u, Conversation after) {
        if (after.state().isHandedOff() && readsSimplified(u.simple())) {
            conversations.note(after, replies.text(Language.ID, "emergency.note") + " / "
                    + replies.text(Language.EN, "emergency.note"), after.lastActivity());
        }
    }
}
