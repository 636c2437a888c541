package id.kanal.dialog;

import id.kanal.dialog.port.Commodity;
import id.kanal.dialog.port.Intent;
import id.kanal.dialog.port.PriceQuote;
import id.kanal.dialog.port.PriceService;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Staple-food prices: a commodity, and a market when given; otherwise the cheapest and dearest markets. */
final class PriceFlow {
    private final Replies replies;
    private final PriceService prices;
    private final java.time.Clock clock;
    /** The board's names simplified once, rebuilt when the board hands out a new list (after an import). */
    private volatile NameMatch<Commodity> commodityIndex;
    private volatile NameMatch<String> marketIndex;

    PriceFlow(Replies replies, PriceService prices, java.time.Clock clock) {
        this.replies = replies;
        this.prices = prices;
        this.clock = clock;
    }

    /** From a message that asked for a price; it may already name the commodity and market. */
    Outcome start(Conversation c, InboundMessage m, Intent intent) {
        List<Commodity> commodities = prices.commodities();
        if (commodities.isEmpty()) {
            return ServiceMenu.unavailable(c, replies, ServiceMenu.PRICES); // an empty board: no list to choose from
        }
        Optional<String> market = intent.entity("market").or(() -> marketIn(m.text()));
        Optional<Commodity> commodity = intent.entity("commodity").flatMap(name -> byName(commodities, name))
                .or(() -> commodityIn(m.text(), commodities));
        if (commodity.isPresent()) {
            return Outcome.of(c.with(State.MENU), answer(c.language(), commodity.get(), market));
        }
        return Outcome.of(c.with(new State.AskingCommodity(market)), list(c.language(), "price.ask", commodities, Map.of()));
    }

    Outcome answerCommodity(Conversation c, State.AskingCommodity state, InboundMessage m) {
        List<Commodity> commodities = prices.commodities();
        Optional<Commodity> chosen = Words.number(m.text())
                .filter(n -> n >= 1 && n <= commodities.size())
                .map(n -> commodities.get(n - 1))
                .or(() -> commodityIn(m.text(), commodities));
        if (chosen.isEmpty() && (Words.number(m.text()).isPresent() || m.text().isBlank())) {
            // A digit off the list is not a commodity called "99", and a shared location or a
            // photo without a caption names none: the list again.
            return Outcome.misunderstood(c, list(c.language(), "price.ask", commodities, Map.of()));
        }
        if (chosen.isEmpty()) {
            return Outcome.misunderstood(c, list(c.language(), "price.unknown", commodities,
                    Map.of("commodity", Replies.echo(m.text()))));
        }
        Optional<String> market = state.market().or(() -> marketIn(m.text()));
        return Outcome.of(c.with(State.MENU), answer(c.language(), chosen.get(), market));
    }

    private Reply answer(Language lang, Commodity commodity, Optional<String> market) {
        if (market.isPresent()) {
            Optional<PriceQuote> q = prices.latest(commodity.name(), market);
            if (q.isEmpty()) {
                return replies.say(lang, "price.none.market", Map.of("commodity", commodity.name(), "market", market.get()));
            }
            return withStaleNote(lang, q.get().date(), replies.say(lang, "price.at.market", Map.of(
                    "commodity", commodity.name(), "market", market.get(), "price", Rupiah.format(q.get().rupiah()),
                    "unit", q.get().unit(), "date", replies.dates().date(q.get().date(), lang), "change", change(lang, q.get()))));
        }
        List<PriceQuote> byMarket = prices.latestByMarket(commodity.name());
        if (byMarket.size() >= 2) {
            PriceQuote low = byMarket.stream().min(Comparator.comparingLong(PriceQuote::rupiah)).orElseThrow();
            PriceQuote high = byMarket.stream().max(Comparator.comparingLong(PriceQuote::rupiah)).orElseThrow();
            LocalDate date = byMarket.stream().map(PriceQuote::date).max(Comparator.naturalOrder()).orElseThrow();
            return withStaleNote(lang, date, replies.say(lang, "price.range", Map.of(
                    "commodity", commodity.name(), "date", replies.dates().date(date, lang), "unit", low.unit(),
                    "low", Rupiah.format(low.rupiah()), "lowmarket", low.market().orElse("-"),
                    "high", Rupiah.format(high.rupiah()), "highmarket", high.market().orElse("-"))));
        }
        Optional<PriceQuote> q = prices.latest(commodity.name(), Optional.empty()).or(() -> byMarket.stream().findFirst());
        if (q.isEmpty()) {
            return replies.say(lang, "price.none", Map.of("commodity", commodity.name()));
        }
        return withStaleNote(lang, q.get().date(), replies.say(lang, "price.region", Map.of(
                "commodity", commodity.name(), "price", Rupiah.format(q.get().rupiah()), "unit", q.get().unit(),
                "date", replies.dates().date(q.get().date(), lang), "change", change(lang, q.get()))));
    }

    /** Old data is answered, but the date is said plainly. */
    private Reply withStaleNote(Language lang, LocalDate date, Reply reply) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), replies.settings().zone());
        if (date.isBefore(today.minusDays(replies.settings().staleAfterDays()))) {
            return Reply.of(reply.text().strip() + " " + replies.say(lang, "price.stale",
                    Map.of("date", replies.dates().date(date, lang))).text());
        }
        return Reply.of(reply.text().strip());
    }

    private String change(Language lang, PriceQuote q) {
        if (q.weekEarlierRupiah().isEmpty()) {
            return replies.text(lang, "price.change.none");
        }
        long delta = q.rupiah() - q.weekEarlierRupiah().getAsLong();
        String key = delta > 0 ? "price.change.up" : delta < 0 ? "price.change.down" : "price.change.same";
        return replies.say(lang, key, Map.of("amount", Rupiah.format(Math.abs(delta)))).text();
    }

    private Reply list(Language lang, String key, List<Commodity> commodities, Map<String, String> values) {
        List<String> names = commodities.stream().map(Commodity::name).toList();
        return Replies.numbered(key, names, choices -> {
            Map<String, String> all = new HashMap<>(values);
            all.put("choices", choices);
            return replies.say(lang, key, all).text();
        });
    }

    private Optional<String> marketIn(String text) {
        List<String> markets = prices.markets();
        NameMatch<String> index = marketIndex;
        if (index == null || !index.isOf(markets)) {
            index = NameMatch.of(markets, name -> {
                List<String> names = new ArrayList<>(List.of(name));
                String lower = name.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("pasar ")) {
                    names.add(lower.substring("pasar ".length()));
                }
                return names;
            });
            marketIndex = index;
        }
        return index.longestIn(text);
    }

    private Optional<Commodity> commodityIn(String text, List<Commodity> commodities) {
        NameMatch<Commodity> index = commodityIndex;
        if (index == null || !index.isOf(commodities)) {
            index = NameMatch.of(commodities, k -> {
                List<String> names = new ArrayList<>(k.synonyms());
                names.add(k.name());
                return names;
            });
            commodityIndex = index;
        }
        return index.longestIn(text);
    }

    private static Optional<Commodity> byName(List<Commodity> commodities, String name) {
        return commodities.stream().filter(k -> k.name().equalsIgnoreCase(name)).findFirst();
    }
}
