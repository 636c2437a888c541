package id.kanal.dialog;

import id.kanal.dialog.port.Departure;
import id.kanal.dialog.port.Intent;
import id.kanal.dialog.port.ScheduleService;
import id.kanal.dialog.port.Stop;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Bus and train departures: from a stop, optionally to another, the next three after now (local time). */
final class ScheduleFlow {
    private static final int DEPARTURES = 3;
    private static final int CHOICES = 5;
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    private static final Set<String> ANY = Set.of("semua", "all", "any", "mana saja", "bebas", "-");

    private final Replies replies;
    private final ScheduleService schedules;
    private final Clock clock;

    ScheduleFlow(Replies replies, ScheduleService schedules, Clock clock) {
        this.replies = replies;
        this.schedules = schedules;
        this.clock = clock;
    }

    Outcome start(Conversation c, InboundMessage m, Intent intent) {
        TripWords words = TripWords.from(intent, m.text());
        TripQuery q = words.to().map(TripQuery.empty()::withToWords).orElse(TripQuery.empty());
        return proceed(c, q, words.from());
    }

    /** The answer to "from where?" or "to where?". */
    Outcome answerStop(Conversation c, State.AskingStop state, InboundMessage m) {
        TripQuery q = state.query();
        if (q.fromStop().isEmpty()) {
            TripWords words = TripWords.parse(m.text());
            if (words.to().isPresent()) {
                q = q.withToWords(words.to().get());
            }
            return proceed(c, q, words.from().or(() -> Optional.of(m.text().strip())));
        }
        if (ANY.contains(Words.simplify(m.text()))) {
            return proceed(c, q.withAnyDestination(), Optional.empty());
        }
        return proceed(c, q.withToWords(TripWords.parse(m.text()).to().orElse(m.text().strip())), Optional.empty());
    }

    Outcome chooseStop(Conversation c, State.ChoosingStop state, InboundMessage m) {
        Optional<Integer> number = Words.number(m.text());
        Optional<Integer> n = number.filter(i -> i >= 1 && i <= state.stopIds().size());
        if (number.isPresent() && n.isEmpty()) {
            // A digit that is not on the list: the same choices again, not a stop named "5".
            List<Stop> same = state.stopIds().stream().map(schedules::stop).flatMap(Optional::stream).toList();
            Outcome again = unresolved(c, state.query(), state.forOrigin(), m.text(), same);
            return Outcome.misunderstood(again.conversation(), again.reply());
        }
        if (n.isEmpty()) {
            // Not a number from the list: read it as another name for the same stop.
            return state.forOrigin() ? proceed(c, state.query(), Optional.of(m.text().strip()))
                    : proceed(c, state.query().withToWords(m.text().strip()), Optional.empty());
        }
        String id = state.stopIds().get(n.get() - 1);
        TripQuery q = state.forOrigin() ? state.query().withFrom(id) : state.query().withTo(id);
        return proceed(c, q, Optional.empty());
    }

    private Outcome proceed(Conversation c, TripQuery q, Optional<String> fromWords) {
        Language lang = c.language();
        if (q.fromStop().isEmpty()) {
            if (fromWords.isEmpty() || fromWords.get().isBlank()) {
                return Outcome.of(c.with(new State.AskingStop(q)), replies.say(lang, "schedule.ask.from"));
            }
            List<Stop> found = schedules.findStops(fromWords.get(), CHOICES);
            Optional<Stop> one = single(fromWords.get(), found);
            if (one.isEmpty()) {
                return unresolved(c, q, true, fromWords.get(), found);
            }
            q = q.withFrom(one.get().id());
        }
        if (q.toStop().isEmpty() && !q.anyDestination()) {
            if (q.toWords().isEmpty()) {
                return Outcome.of(c.with(new State.AskingStop(q)), replies.say(lang, "schedule.ask.to"));
            }
            List<Stop> found = schedules.findStops(q.toWords().get(), CHOICES);
            Optional<Stop> one = single(q.toWords().get(), found);
            if (one.isEmpty()) {
                TripQuery withoutWords = new TripQuery(q.fromStop(), Optional.empty(), Optional.empty(), false);
                return unresolved(c, withoutWords, false, q.toWords().get(), found);
            }
            q = q.withTo(one.get().id());
        }
        return Outcome.of(c.with(State.MENU), departures(lang, q));
    }

    private Outcome unresolved(Conversation c, TripQuery q, boolean forOrigin, String words, List<Stop> found) {
        Language lang = c.language();
        if (found.isEmpty()) {
            return Outcome.misunderstood(c.with(new State.AskingStop(q)),
                    replies.say(lang, "schedule.unknown", Map.of("name", Replies.echo(words))));
        }
        List<String> labels = found.stream().map(ScheduleFlow::label).toList();
        Reply reply = Replies.numbered("schedule.choose", labels,
                choices -> replies.say(lang, "schedule.choose", Map.of("choices", choices)).text());
        return Outcome.of(c.with(new State.ChoosingStop(q, forOrigin, found.stream().map(Stop::id).toList())), reply);
    }

    private Reply departures(Language lang, TripQuery q) {
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), replies.settings().zone());
        List<Departure> next = schedules.nextDepartures(q.fromStop().orElseThrow(), q.toStop(), now, DEPARTURES);
        String fromName = next.isEmpty() ? stopName(q.fromStop().get()) : next.getFirst().from().name();
        String to = q.toStop().map(id -> replies.say(lang, "schedule.to", Map.of("to", stopName(id))).text()).orElse("");
        if (next.isEmpty()) {
            return replies.say(lang, "schedule.none", Map.of("from", fromName, "to", to));
        }
        StringBuilder list = new StringBuilder();
        for (Departure d : next) {
            if (!list.isEmpty()) {
                list.append('\n');
            }
            String key = d.arrives().isPresent() ? "schedule.departure.arrives" : "schedule.departure";
            list.append(replies.say(lang, key, Map.of("time", d.departs().format(HH_MM), "line", d.line(),
                    "headsign", d.headsign(), "arrival", d.arrives().map(a -> a.format(HH_MM)).orElse(""))).text());
        }
        return replies.say(lang, "schedule.departures", Map.of("from", fromName, "to", to, "list", list.toString()));
    }

    private String stopName(String id) {
        return schedules.stop(id).map(Stop::name).orElse(id);
    }

    /** One stop when the words name it plainly (its name or code), or when only one matched. */
    private static Optional<Stop> single(String words, List<Stop> found) {
        if (found.size() == 1) {
            return Optional.of(found.getFirst());
        }
        String w = plain(words);
        return found.stream()
                .filter(s -> plain(s.name()).equals(w) || s.code().map(code -> code.equalsIgnoreCase(w)).orElse(false))
                .findFirst();
    }

    /** A stop name without the words people put before it ("stasiun", "st.", "halte", "terminal"). */
    static String plain(String name) {
        String s = Words.simplify(name).toLowerCase(Locale.ROOT);
        for (String prefix : List.of("stasiun ", "station ", "st ", "halte ", "terminal ", "stop ")) {
            if (s.startsWith(prefix)) {
                s = s.substring(prefix.length());
            }
        }
        return s.strip();
    }

    private static String label(Stop s) {
        return s.name() + s.code().map(code -> " (" + code + ")").orElse("");
    }
}
