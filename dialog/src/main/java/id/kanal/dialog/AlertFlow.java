package id.kanal.dialog;

import id.kanal.dialog.port.AlertSubscriptions;
import id.kanal.dialog.port.AlertSubscriptions.Subscription;
import id.kanal.dialog.port.AlertSubscriptions.Topic;
import id.kanal.dialog.port.Commodity;
import id.kanal.dialog.port.PriceService;
import id.kanal.dialog.port.ResidentRegistry;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Alert keywords, on every channel and in every state the bot answers in: {@code DAFTAR BANJIR
 * <kelurahan>} and {@code DAFTAR HARGA <komoditas>} subscribe, {@code BERHENTI <topic>} leaves
 * one topic, {@code LANGGANAN} lists (English: SUBSCRIBE FLOOD|PRICE, UNSUBSCRIBE, SUBSCRIPTIONS).
 * Every change is confirmed. A plain STOP leaves everything (the resident registry's opt-out).
 */
final class AlertFlow {
    private static final Map<String, Topic> TOPICS = Map.of("banjir", Topic.BANJIR, "flood", Topic.BANJIR,
            "wilayah", Topic.BANJIR, "area", Topic.BANJIR, "harga", Topic.HARGA, "price", Topic.HARGA,
            "prices", Topic.HARGA);
    private static final List<String> JOIN = List.of("daftar", "subscribe");
    private static final List<String> LEAVE = List.of("berhenti", "stop", "unsubscribe", "unreg");
    private static final List<String> LIST = List.of("langganan", "subscriptions", "daftar langganan");

    private final Replies replies;
    private final AlertSubscriptions alerts;
    private final PriceService prices;
    private final ResidentRegistry residents;
    private final Clock clock;
    private final String regionName;

    /** @param regionName the region the resident wrote to, named in the help for an unknown kelurahan */
    AlertFlow(Replies replies, AlertSubscriptions alerts, PriceService prices, ResidentRegistry residents, Clock clock,
              String regionName) {
        this.replies = replies;
        this.alerts = alerts;
        this.prices = prices;
        this.residents = residents;
        this.clock = clock;
        this.regionName = regionName;
    }

    /** The turn when the message is an alert keyword; empty otherwise. */
    Optional<Outcome> keyword(Conversation c, Understanding u) {
        String s = u.simple();
        if (LIST.contains(s)) {
            return Optional.of(list(c));
        }
        String[] w = s.split(" ", 3);
        if (w.length < 2 || !TOPICS.containsKey(w[1])) {
            return Optional.empty();
        }
        Topic topic = TOPICS.get(w[1]);
        String rest = w.length > 2 ? w[2] : "";
        if (JOIN.contains(w[0])) {
            return Optional.of(join(c, topic, rest));
        }
        if (LEAVE.contains(w[0]) && rest.isEmpty()) {
            int left = alerts.leave(c.resident(), topic);
            return Optional.of(Outcome.of(c, replies.say(c.language(), left > 0 ? "alert.left" : "alert.left.none",
                    Map.of("topic", topicName(c.language(), topic)))));
        }
        return Optional.empty();
    }

    private Outcome join(Conversation c, Topic topic, String words) {
        Language lang = c.language();
        if (residents.isOptedOut(c.resident())) {
            return Outcome.of(c, replies.say(lang, "alert.stopped"));
        }
        Optional<String> subject = words.isEmpty() ? Optional.empty() : switch (topic) {
            case BANJIR -> alerts.kelurahan(words);
            case HARGA -> commodity(words);
        };
        if (subject.isEmpty()) {
            String key = words.isEmpty() ? "alert.help." + topic.id() : "alert.unknown." + topic.id();
            return Outcome.misunderstood(c, replies.say(lang, key, Map.of("words", Replies.echo(words, 30),
                    "region", regionName, "kelurahan", example(lang))));
        }
        alerts.subscribe(c.resident(), lang, new Subscription(topic, subject.get()), clock.instant());
        return Outcome.of(c, replies.say(lang, "alert.subscribed." + topic.id(), Map.of("subject", subject.get())));
    }

    private Outcome list(Conversation c) {
        Language lang = c.language();
        List<Subscription> mine = alerts.list(c.resident());
        if (mine.isEmpty()) {
            return Outcome.of(c, replies.say(lang, "alert.list.none"));
        }
        String lines = mine.stream().map(s -> topicName(lang, s.topic()) + ": " + s.subject())
                .collect(Collectors.joining("\n"));
        return Outcome.of(c, replies.say(lang, "alert.list", Map.of("list", lines)));
    }

    /**
     * A kelurahan of the region for the help texts, so that they fit every region without a
     * {@code wording:} of their own; a region without areas gets a generic one.
     */
    private String example(Language lang) {
        return alerts.exampleKelurahan().orElseGet(() -> replies.text(lang, "alert.example.kelurahan"));
    }

    private Optional<String> commodity(String words) {
        String wanted = Words.simplify(words);
        for (Commodity commodity : prices.commodities()) {
            if (Words.simplify(commodity.name()).equals(wanted)
                    || commodity.synonyms().stream().anyMatch(syn -> Words.simplify(syn).equals(wanted))) {
                return Optional.of(commodity.name());
            }
        }
        return Optional.empty();
    }

    private String topicName(Language lang, Topic topic) {
        return replies.text(lang, "alert.topic." + topic.id());
    }
}
