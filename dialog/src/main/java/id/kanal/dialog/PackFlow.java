package id.kanal.dialog;

import id.kanal.dialog.port.ContentPacks;
import id.kanal.dialog.port.Pack;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A content pack's answers: the items that fit the resident's words, a page at a time. A page
 * fits the channel (SMS two GSM-7 segments, a USSD screen, a chat message); when more follow it
 * ends with how to get them ({@code LAGI}/{@code MORE}, or {@code 99} on USSD, whose adapter keeps
 * {@code 98} for its own screens), and the next page comes from the search run again, so an item
 * that expired meanwhile is not shown.
 */
final class PackFlow {
    /** A USSD screen without its "CON " (182 characters in all, see the USSD adapter). */
    static final int USSD_SCREEN = 178;
    /** A chat message page: long lists stay readable on a phone. */
    static final int CHAT_PAGE = 1000;
    static final String USSD_MORE = "99";
    private static final Set<String> MORE = Set.of("lagi", "more", "next", "lanjut", "berikutnya", "selanjutnya",
            USSD_MORE);
    private static final Pattern FIELD = Pattern.compile("\\{([a-z0-9_]+)}");

    private final Replies replies;
    private final ContentPacks packs;
    private final Clock clock;

    PackFlow(Replies replies, ContentPacks packs, Clock clock) {
        this.replies = replies;
        this.packs = packs;
        this.clock = clock;
    }

    /** The packs' menu, when the region has packs. */
    Optional<Outcome> menu(Conversation c) {
        List<Pack> all = packs.packs();
        return all.isEmpty() ? Optional.empty()
                : Optional.of(Outcome.of(c.with(new State.ChoosingPack()), replies.packMenu(c.language(), all)));
    }

    /** A pick from the packs' menu; empty when the message is not one of its numbers. */
    Optional<Outcome> choose(Conversation c, InboundMessage m) {
        List<Pack> all = packs.packs();
        return Words.number(m.text()).filter(n -> n >= 1 && n <= all.size())
                .map(n -> start(c, m, all.get(n - 1)));
    }

    Optional<Pack> byIntent(String intent) {
        return Pack.codeOf(intent).flatMap(packs::byCode);
    }

    /** The first page for a message about the pack; a menu number searches for nothing, so lists all. */
    Outcome start(Conversation c, InboundMessage m, Pack pack) {
        String query = Words.number(m.text()).isPresent() ? "" : String.join(" ", PackSearch.terms(pack, m.text()));
        return page(c, m, pack, query, 0);
    }

    /**
     * A message while a pack's list is shown: the next page, or a search in the same pack that
     * finds something ("cipondoh" after the jobs list); empty when the message is about something else.
     */
    Optional<Outcome> answer(Conversation c, State.ReadingPack s, InboundMessage m) {
        Optional<Pack> pack = packs.byCode(s.pack());
        if (pack.isEmpty()) {
            return Optional.empty();
        }
        if (MORE.contains(Words.simplify(m.text()))) {
            return Optional.of(page(c, m, pack.get(), s.query(), s.shown()));
        }
        List<String> terms = PackSearch.terms(pack.get(), m.text());
        if (Words.number(m.text()).isPresent() || terms.isEmpty()
                || !PackSearch.find(pack.get(), terms, today()).matched()) {
            return Optional.empty();
        }
        return Optional.of(page(c, m, pack.get(), String.join(" ", terms), 0));
    }

    private Outcome page(Conversation c, InboundMessage m, Pack pack, String query, int from) {
        Language lang = c.language();
        List<String> terms = query.isEmpty() ? List.of() : List.of(query.split(" "));
        PackSearch.Found found = PackSearch.find(pack, terms, today());
        Channel channel = m.channel();
        if (found.items().isEmpty()) {
            return Outcome.of(c.with(State.MENU), replies.say(lang, "pack.empty", Map.of("pack", fit(pack.menu().get(lang), channel))));
        }
        if (from >= found.items().size()) {
            return Outcome.of(c.with(State.MENU), replies.say(lang, "pack.end"));
        }
        StringBuilder text = new StringBuilder();
        if (from == 0) {
            if (!found.matched()) {
                text.append(replies.say(lang, "pack.none", Map.of("query", Replies.echo(query, 40))).text()).append('\n');
            }
            text.append(fit(pack.heading().get(lang), channel));
        }
        int budget = channel == Channel.USSD ? USSD_SCREEN : channel.isNarrow() ? Gsm7.TWO_SEGMENTS : CHAT_PAGE;
        String footer = replies.text(lang, channel == Channel.USSD ? "pack.more.ussd" : "pack.more");
        int next = from;
        List<Map<String, String>> items = found.items();
        while (next < items.size()) {
            boolean last = next == items.size() - 1;
            String line = fit(render(pack.item().get(lang), items.get(next)), channel);
            int room = budget - length(text) - 1 - (last ? 0 : length(footer) + 1);
            if (length(line) > room) {
                if (next > from) {
                    break;
                }
                // An item longer than a USSD screen is not cut: the USSD adapter shows it over two
                // screens (its own "98"). Only what exceeds two SMS segments is cut.
                int hardRoom = room + (channel == Channel.USSD ? Gsm7.TWO_SEGMENTS - USSD_SCREEN : 0);
                line = Gsm7.clip(line, Math.max(hardRoom, 10));
            }
            text.append(text.isEmpty() ? "" : "\n").append(line);
            next++;
        }
        boolean more = next < items.size();
        if (more) {
            text.append('\n').append(footer);
        }
        State after = more ? new State.ReadingPack(pack.code(), query, next) : State.MENU;
        return Outcome.of(c.with(after), Reply.of(text.toString()));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), replies.settings().zone());
    }

    /** The item template with the item's fields filled in; a field the item lacks reads as "-". */
    static String render(String template, Map<String, String> item) {
        Matcher matcher = FIELD.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = item.getOrDefault(matcher.group(1), "").strip();
            matcher.appendReplacement(out, Matcher.quoteReplacement(value.isEmpty() ? "-" : value));
        }
        matcher.appendTail(out);
        return out.toString().replaceAll("\\s+", " ").strip();
    }

    private static String fit(String text, Channel channel) {
        return channel.isNarrow() ? Gsm7.sanitize(text) : text;
    }

    private static int length(CharSequence text) {
        return Gsm7.septets(text.toString());
    }
}
