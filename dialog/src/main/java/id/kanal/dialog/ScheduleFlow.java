package id.kanal.dialog;

import id.kanal.dialog.port.Departure;
import id.kanal.dialog.port.ScheduleService;
import id.kanal.dialog.port.Stop;
import id.kanal.dialog.port.TransitMode;
import id.kanal.dialog.port.Trip;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Bus and train departures: from a stop, optionally to another, the next three after now
 * (local time), or the first or last one of the day. Both ends named at once are resolved
 * together, preferring a pair some trip connects and stops of the mode named ("kereta", "bus").
 */
final class ScheduleFlow {
    private static final int DEPARTURES = 3;
    /** How far ahead "the next service day" is looked for (a weekday-only line seen on Friday night). */
    private static final int NEXT_DAYS = 7;
    private static final int CHOICES = 5;
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    private static final Set<String> ANY = Set.of("semua", "all", "any", "mana saja", "bebas", "-");

    private final Replies replies;
    private final ScheduleService schedules;
    private final Clock clock;
    private final StopPairs pairs;

    ScheduleFlow(Replies replies, ScheduleService schedules, Clock clock) {
        this.replies = replies;
        this.schedules = schedules;
        this.clock = clock;
        this.pairs = new StopPairs(schedules, CHOICES);
    }

    /** A schedule question: the trip the classifier read in it, what it leaves out asked for. */
    Outcome start(Conversation c, Trip trip) {
        if (!schedules.hasTrips()) {
            return ServiceMenu.unavailable(c, replies, ServiceMenu.TIMETABLE); // no feed here: no stop to ask for
        }
        TripQuery q = TripQuery.empty().with(trip.which(), trip.mode());
        q = trip.to().map(q::withToWords).orElse(q);
        return proceed(c, q, trip.from());
    }

    /**
     * The answer to "from where?" or "to where?", read as the question was ("dari Poris ke Duri"
     * answers both); a bare name is the stop asked for.
     */
    Outcome answerStop(Conversation c, State.AskingStop state, Understanding u) {
        TripQuery q = state.query();
        Trip said = u.trip();
        String words = u.text().strip();
        if (q.fromStop().isEmpty()) {
            if (said.to().isPresent()) {
                q = q.withToWords(said.to().get());
            }
            return proceed(c, q, said.from().or(() -> Optional.of(words)));
        }
        if (ANY.contains(u.simple())) {
            return proceed(c, q.withAnyDestination(), Optional.empty());
        }
        return proceed(c, q.withToWords(said.to().orElse(words)), Optional.empty());
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
            List<Stop> found = pairs.candidates(fromWords.get(), q.mode());
            if (q.toStop().isEmpty() && q.toWords().isPresent() && !found.isEmpty()) {
                String toWords = q.toWords().get();
                switch (pairs.resolve(fromWords.get(), found, toWords, pairs.candidates(toWords, q.mode()))) {
                    case StopPairs.Resolution.Pair p -> {
                        return Outcome.of(c.with(State.MENU), answer(lang, q.withFrom(p.from().id()).withTo(p.to().id())));
                    }
                    case StopPairs.Resolution.ChooseTo t -> {
                        return unresolved(c, q.withFrom(t.from().id()).withoutToWords(), false, toWords, t.choices());
                    }
                    // The destination words stay, resolved against the origin chosen.
                    case StopPairs.Resolution.ChooseFrom f -> {
                        return unresolved(c, q, true, fromWords.get(), f.choices());
                    }
                    case StopPairs.Resolution.Unconnected u -> {
                        // each end on its own, below; the answer then says there is no direct line
                    }
                }
            }
            Optional<Stop> one = StopPairs.single(fromWords.get(), found);
            if (one.isEmpty()) {
                return unresolved(c, q, true, fromWords.get(), found);
            }
            q = q.withFrom(one.get().id());
        }
        if (q.toStop().isEmpty() && !q.anyDestination()) {
            if (q.toWords().isEmpty()) {
                return Outcome.of(c.with(new State.AskingStop(q)), replies.say(lang, "schedule.ask.to"));
            }
            // A destination some trip reaches from the origin beats a likelier name no trip links to it.
            List<Stop> found = pairs.destinations(q.fromStop().get(), q.toWords().get(), q.mode());
            Optional<Stop> one = StopPairs.single(q.toWords().get(), found);
            if (one.isEmpty()) {
                return unresolved(c, q.withoutToWords(), false, q.toWords().get(), found);
            }
            q = q.withTo(one.get().id());
        }
        return Outcome.of(c.with(State.MENU), answer(lang, q));
    }

    private Outcome unresolved(Conversation c, TripQuery q, boolean forOrigin, String words, List<Stop> found) {
        Language lang = c.language();
        if (found.isEmpty()) {
            return Outcome.misunderstood(c.with(new State.AskingStop(q)),
                    replies.say(lang, "schedule.unknown", Map.of("name", Replies.echo(words))));
        }
        List<String> labels = distinctLabels(lang, found);
        Reply reply = Replies.numbered("schedule.choose", labels,
                choices -> replies.say(lang, "schedule.choose", Map.of("choices", choices)).text());
        return Outcome.of(c.with(new State.ChoosingStop(q, forOrigin, found.stream().map(Stop::id).toList())), reply);
    }

    private Reply answer(Language lang, TripQuery q) {
        String from = q.fromStop().orElseThrow();
        if (q.toStop().isPresent() && !schedules.connects(from, q.toStop().get())) {
            return replies.say(lang, "schedule.no.line", Map.of("from", stopName(from), "to", stopName(q.toStop().get())));
        }
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), replies.settings().zone());
        return switch (q.which()) {
            case NEXT -> next(lang, q, now);
            case FIRST -> first(lang, q, now);
            case LAST -> last(lang, q, now);
        };
    }

    private Reply next(Language lang, TripQuery q, LocalDateTime now) {
        String from = q.fromStop().orElseThrow();
        List<Departure> next = schedules.nextDepartures(from, q.toStop(), now, DEPARTURES);
        // The timetable looks into tomorrow's trips too. Today's are those before tomorrow's
        // service starts: a night train at 00:10 still counts, tomorrow's 04:25 does not.
        List<Departure> today = next;
        if (next.stream().anyMatch(d -> d.departs().toLocalDate().isAfter(now.toLocalDate()))) {
            Optional<LocalDateTime> tomorrow = schedules.firstDepartures(from, q.toStop(), now.toLocalDate().plusDays(1), 1)
                    .stream().findFirst().map(Departure::departs);
            today = next.stream().filter(d -> !d.departs().toLocalDate().isAfter(now.toLocalDate())
                    || tomorrow.map(d.departs()::isBefore).orElse(true)).toList();
        }
        if (today.isEmpty()) {
            return noneToday(lang, q, now);
        }
        StringBuilder list = new StringBuilder();
        for (Departure d : today) {
            if (!list.isEmpty()) {
                list.append('\n');
            }
            list.append(line(lang, d));
        }
        return replies.say(lang, "schedule.departures", Map.of("from", today.getFirst().from().name(), "to", to(lang, q),
                "list", list.toString()));
    }

    /** Nothing more today: when the next service day (calendar and calendar_dates honoured) starts. */
    private Reply noneToday(Language lang, TripQuery q, LocalDateTime now) {
        String from = stopName(q.fromStop().orElseThrow());
        Optional<Departure> first = firstOfNextServiceDay(q, now);
        if (first.isEmpty()) {
            return replies.say(lang, "schedule.none", Map.of("from", from, "to", to(lang, q)));
        }
        return replies.say(lang, "schedule.none.next", Map.of("from", from, "to", to(lang, q),
                "day", day(lang, first.get().departs().toLocalDate(), now.toLocalDate()),
                "first", first.get().departs().format(HH_MM)));
    }

    private Reply first(Language lang, TripQuery q, LocalDateTime now) {
        String from = q.fromStop().orElseThrow();
        Optional<Departure> first = schedules.firstDepartures(from, q.toStop(), now.toLocalDate(), 1).stream()
                .filter(d -> d.departs().isAfter(now)).findFirst().or(() -> firstOfNextServiceDay(q, now));
        if (first.isEmpty()) {
            return replies.say(lang, "schedule.none", Map.of("from", stopName(from), "to", to(lang, q)));
        }
        return replies.say(lang, "schedule.first", Map.of("what", what(lang, q), "from", stopName(from), "to", to(lang, q),
                "day", day(lang, first.get().departs().toLocalDate(), now.toLocalDate()),
                "departure", line(lang, first.get())));
    }

    private Reply last(Language lang, TripQuery q, LocalDateTime now) {
        String from = q.fromStop().orElseThrow();
        // Soon after midnight yesterday's service day may still be running (GTFS times past 24:00).
        List<Departure> last = schedules.lastDepartures(from, q.toStop(), now.toLocalDate().minusDays(1), 1).stream()
                .filter(d -> d.departs().isAfter(now)).toList();
        if (last.isEmpty()) {
            last = schedules.lastDepartures(from, q.toStop(), now.toLocalDate(), 1);
        }
        if (last.isEmpty()) {
            return noneToday(lang, q, now);
        }
        Departure d = last.getFirst();
        Map<String, String> values = new HashMap<>(Map.of("what", what(lang, q), "from", stopName(from),
                "to", to(lang, q), "departure", line(lang, d), "time", d.departs().format(HH_MM)));
        if (d.departs().isAfter(now)) {
            return replies.say(lang, "schedule.last", values);
        }
        Optional<Departure> first = firstOfNextServiceDay(q, now);
        if (first.isEmpty()) {
            return replies.say(lang, "schedule.last.gone", values);
        }
        values.put("day", day(lang, first.get().departs().toLocalDate(), now.toLocalDate()));
        values.put("first", first.get().departs().format(HH_MM));
        return replies.say(lang, "schedule.last.gone.next", values);
    }

    /** The first departure of the first of the next days that has one (a week ahead at most). */
    private Optional<Departure> firstOfNextServiceDay(TripQuery q, LocalDateTime now) {
        for (int d = 1; d <= NEXT_DAYS; d++) {
            Optional<Departure> first = schedules.firstDepartures(q.fromStop().orElseThrow(), q.toStop(),
                    now.toLocalDate().plusDays(d), 1).stream().filter(x -> x.departs().isAfter(now)).findFirst();
            if (first.isPresent()) {
                return first;
            }
        }
        return Optional.empty();
    }

    private String line(Language lang, Departure d) {
        String key = d.arrives().isPresent() ? "schedule.departure.arrives" : "schedule.departure";
        return replies.say(lang, key, Map.of("time", d.departs().format(HH_MM), "line", d.line(),
                "headsign", d.headsign(), "arrival", d.arrives().map(a -> a.format(HH_MM)).orElse(""))).text();
    }

    private String to(Language lang, TripQuery q) {
        return q.toStop().map(id -> replies.say(lang, "schedule.to", Map.of("to", stopName(id))).text()).orElse("");
    }

    /** "hari ini", "besok", or the day's name and date ("Senin 23/11"). */
    private String day(Language lang, LocalDate date, LocalDate today) {
        if (date.equals(today)) {
            return replies.text(lang, "schedule.day.today");
        }
        if (date.equals(today.plusDays(1))) {
            return replies.text(lang, "schedule.day.tomorrow");
        }
        return replies.say(lang, "schedule.day.other", Map.of("weekday", replies.dates().day(date.getDayOfWeek(), lang),
                "date", date.getDayOfMonth() + "/" + date.getMonthValue())).text();
    }

    /** "Kereta", "Bus" or "Keberangkatan": the mode asked, else the one the origin is served by. */
    private String what(Language lang, TripQuery q) {
        Optional<TransitMode> mode = q.mode().or(() -> {
            Set<TransitMode> modes = schedules.modes(q.fromStop().orElseThrow());
            return modes.size() == 1 ? Optional.of(modes.iterator().next()) : Optional.empty();
        });
        return replies.text(lang, switch (mode.orElse(TransitMode.OTHER)) {
            case RAIL -> "schedule.what.rail";
            case BUS -> "schedule.what.bus";
            case OTHER -> "schedule.what.any";
        });
    }

    private String stopName(String id) {
        return schedules.stop(id).map(Stop::name).orElse(id);
    }

    private static String label(Stop s) {
        return s.name() + s.code().map(code -> " (" + code + ")").orElse("");
    }

    /**
     * Choices a resident can tell apart: where two read the same ("Tangerang (TNG)" in two feeds),
     * the kind of transport is added, then the feed the stop comes from, then its id.
     */
    private List<String> distinctLabels(Language lang, List<Stop> stops) {
        List<String> labels = stops.stream().map(ScheduleFlow::label).toList();
        labels = told(labels, i -> {
            Set<TransitMode> modes = schedules.modes(stops.get(i).id());
            return modes.size() != 1 ? "" : switch (modes.iterator().next()) {
                case RAIL -> replies.text(lang, "schedule.what.rail");
                case BUS -> replies.text(lang, "schedule.what.bus");
                case OTHER -> "";
            };
        });
        labels = told(labels, i -> {
            String id = stops.get(i).id();
            return id.contains(":") ? id.substring(0, id.indexOf(':')) : "";
        });
        return told(labels, i -> stops.get(i).id());
    }

    /** Adds {@code extra} to labels that read the same, where it tells them apart (the same extra would not). */
    private static List<String> told(List<String> labels, java.util.function.IntFunction<String> extra) {
        Map<String, List<Integer>> same = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            same.computeIfAbsent(labels.get(i), l -> new java.util.ArrayList<>()).add(i);
        }
        List<String> out = new java.util.ArrayList<>(labels);
        for (List<Integer> group : same.values()) {
            List<String> extras = group.stream().map(extra::apply).toList();
            if (group.size() > 1 && extras.stream().distinct().count() > 1) {
                for (int k = 0; k < group.size(); k++) {
                    if (!extras.get(k).isBlank()) {
                        out.set(group.get(k), labels.get(group.get(k)) + ", " + extras.get(k));
                    }
                }
            }
        }
        return out;
    }
}
