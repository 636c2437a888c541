package id.kanal.dialog;

import id.kanal.dialog.port.Category;
import id.kanal.dialog.port.ComplaintService;
import id.kanal.dialog.port.ComplaintStatus;
import id.kanal.dialog.port.ComplaintView;
import id.kanal.dialog.port.ConversationStore;
import id.kanal.dialog.port.FiledComplaint;
import id.kanal.dialog.port.NewComplaint;
import id.kanal.dialog.port.Turn;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** In-memory stand-ins for the dialog's ports, for flow tests without a database. */
final class Fakes {
    static final List<Category> CATEGORIES = List.of(
            new Category("jalan-rusak", "Jalan rusak", "Damaged road", "Dinas PUPR", List.of("jalan rusak", "jalan", "lubang")),
            new Category("sampah", "Sampah", "Rubbish", "Dinas Lingkungan Hidup", List.of("sampah", "rubbish")),
            new Category("lampu-jalan", "Lampu jalan (PJU)", "Street light", "Dinas Perhubungan",
                    List.of("lampu jalan", "pju", "street light")),
            new Category("banjir-drainase", "Banjir/drainase", "Flood/drainage", "Dinas PUPR", List.of("banjir", "flood")));

    private Fakes() {
    }



    /** A price board with two weeks of made-up prices at two markets. */
    static final class Prices implements id.kanal.dialog.port.PriceService {
        private final java.time.LocalDate today;

        Prices(Clock clock) {
            this.today = java.time.LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Jakarta"));
        }

        @Override
        public List<id.kanal.dialog.port.Commodity> commodities() {
            return List.of(new id.kanal.dialog.port.Commodity("beras", "kg", List.of("rice")),
                    new id.kanal.dialog.port.Commodity("cabai rawit", "kg", List.of("cabe rawit", "bird's eye chili")),
                    new id.kanal.dialog.port.Commodity("minyak goreng", "liter", List.of("migor", "cooking oil")));
        }

        @Override
        public List<String> markets() {
            return List.of("Pasar Anyar", "Pasar Lama");
        }

        @Override
        public Optional<id.kanal.dialog.port.PriceQuote> latest(String commodity, Optional<String> market) {
            if (commodity.equals("minyak goreng")) {
                return Optional.empty();
            }
            long base = commodity.equals("beras") ? 13_500 : 60_000;
            long price = market.map(m -> m.equals("Pasar Anyar") ? base + 500 : base).orElse(base + 250);
            return Optional.of(new id.kanal.dialog.port.PriceQuote(commodity, market, "kg", price, today,
                    java.util.OptionalLong.of(price - 1_000)));
        }

        @Override
        public List<id.kanal.dialog.port.PriceQuote> latestByMarket(String commodity) {
            if (commodity.equals("minyak goreng")) {
                return List.of();
            }
            return markets().stream().map(m -> latest(commodity, Optional.of(m)).orElseThrow())
                    .sorted(Comparator.comparingLong(id.kanal.dialog.port.PriceQuote::rupiah)).toList();
        }
    }

    /**
     * A timetable: KRL Tangerang and Poris to Duri every 20 minutes 05:00-23:40 every day (and a
     * night train from Poris at 24:20:00, i.e. 00:20 the next morning), and the
     * K1 bus Poris Plawad to Halte Cikokol every 30 minutes 05:00-21:00 on weekdays only.
     */
    static final class Schedules implements id.kanal.dialog.port.ScheduleService {
        static final id.kanal.dialog.port.Stop TANGERANG = new id.kanal.dialog.port.Stop("TNG", "Tangerang", Optional.of("TNG"));
        static final id.kanal.dialog.port.Stop PORIS = new id.kanal.dialog.port.Stop("PI", "Poris", Optional.of("PI"));
        static final id.kanal.dialog.port.Stop PORIS_PLAWAD = new id.kanal.dialog.port.Stop("PP", "Poris Plawad", Optional.empty());
        static final id.kanal.dialog.port.Stop CIKOKOL = new id.kanal.dialog.port.Stop("CK", "Halte Cikokol", Optional.empty());
        static final id.kanal.dialog.port.Stop DURI = new id.kanal.dialog.port.Stop("DU", "Duri", Optional.of("DU"));
        static final List<id.kanal.dialog.port.Stop> STOPS = List.of(TANGERANG, PORIS, PORIS_PLAWAD, CIKOKOL, DURI);
        private static final java.util.Set<String> RAIL = java.util.Set.of("TNG", "PI", "DU");

        @Override
        public List<id.kanal.dialog.port.Stop> findStops(String query, int limit) {
            String q = StopPairs.plain(query);
            return STOPS.stream().filter(s -> s.id().equals(query) || StopPairs.plain(s.name()).contains(q)
                            || s.code().map(c -> c.equalsIgnoreCase(q)).orElse(false)
                            || (q.equals("tng") && s == TANGERANG))
                    .limit(limit).toList();
        }

        @Override
        public Optional<id.kanal.dialog.port.Stop> stop(String stopId) {
            return STOPS.stream().filter(s -> s.id().equals(stopId)).findFirst();
        }

        @Override
        public List<id.kanal.dialog.port.Departure> nextDepartures(String fromStopId, Optional<String> toStopId,
                                                                   java.time.LocalDateTime after, int limit) {
            List<id.kanal.dialog.port.Departure> out = new ArrayList<>(day(fromStopId, toStopId, after.toLocalDate()));
            out.addAll(day(fromStopId, toStopId, after.toLocalDate().plusDays(1))); // as the real one: tomorrow's too
            return out.stream().filter(d -> d.departs().isAfter(after)).limit(limit).toList();
        }

        @Override
        public List<id.kanal.dialog.port.Departure> firstDepartures(String fromStopId, Optional<String> toStopId,
                                                                    java.time.LocalDate serviceDay, int limit) {
            return day(fromStopId, toStopId, serviceDay).stream().limit(limit).toList();
        }

        @Override
        public List<id.kanal.dialog.port.Departure> lastDepartures(String fromStopId, Optional<String> toStopId,
                                                                   java.time.LocalDate serviceDay, int limit) {
            List<id.kanal.dialog.port.Departure> all = day(fromStopId, toStopId, serviceDay);
            return all.subList(Math.max(0, all.size() - limit), all.size());
        }

        @Override
        public boolean connects(String fromStopId, String toStopId) {
            return (fromStopId.equals("TNG") && (toStopId.equals("PI") || toStopId.equals("DU")))
                    || (fromStopId.equals("PI") && toStopId.equals("DU"))
                    || (fromStopId.equals("PP") && toStopId.equals("CK"));
        }

        @Override
        public java.util.Set<id.kanal.dialog.port.TransitMode> modes(String stopId) {
            return stop(stopId).isEmpty() ? java.util.Set.of() : java.util.Set.of(RAIL.contains(stopId)
                    ? id.kanal.dialog.port.TransitMode.RAIL : id.kanal.dialog.port.TransitMode.BUS);
        }

        /** One service day's departures from a stop, in time order. */
        private List<id.kanal.dialog.port.Departure> day(String fromStopId, Optional<String> toStopId, java.time.LocalDate day) {
            id.kanal.dialog.port.Stop from = stop(fromStopId).orElseThrow();
            boolean bus = fromStopId.equals("PP");
            if (!bus && !fromStopId.equals("TNG") && !fromStopId.equals("PI")
                    || toStopId.isPresent() && !connects(fromStopId, toStopId.get())
                    || bus && day.getDayOfWeek().getValue() > 5) {
                return List.of();
            }
            List<id.kanal.dialog.port.Departure> out = new ArrayList<>();
            java.time.LocalDateTime last = day.atTime(bus ? 21 : 23, bus ? 0 : 40);
            for (java.time.LocalDateTime t = day.atTime(5, 0); !t.isAfter(last); t = t.plusMinutes(bus ? 30 : 20)) {
                java.time.LocalDateTime departs = t;
                out.add(new id.kanal.dialog.port.Departure(bus ? "K1" : "Commuter Line Tangerang", bus ? "Cikokol" : "Duri",
                        from, departs, toStopId.flatMap(this::stop), toStopId.map(id -> departs.plusMinutes(bus ? 25 : 38))));
            }
            if (fromStopId.equals("PI")) { // a night train of this service day, 24:20:00 in GTFS
                java.time.LocalDateTime night = day.plusDays(1).atTime(0, 20);
                out.add(new id.kanal.dialog.port.Departure("Commuter Line Tangerang", "Duri", from, night,
                        toStopId.flatMap(this::stop), toStopId.map(id -> night.plusMinutes(30))));
            }
            return out;
        }
    }

    static final class Conversations implements ConversationStore {
        final Map<String, Reply> replies = new ConcurrentHashMap<>();
        final Map<Address, Conversation> conversations = new ConcurrentHashMap<>();
        final List<Turn> turns = new CopyOnWriteArrayList<>();

        @Override
        public Optional<Reply> replyTo(Address from, String providerMessageId) {
            return Optional.ofNullable(replies.get(from.channel().id() + ":" + providerMessageId));
        }

        @Override
        public Optional<Conversation> load(Address resident) {
            return Optional.ofNullable(conversations.get(resident));
        }

        @Override
        public void save(Turn turn) {
            replies.put(turn.inbound().channel().id() + ":" + turn.inbound().providerMessageId(), turn.reply());
            conversations.put(turn.conversation().resident(), turn.conversation());
            turns.add(turn);
        }

        @Override
        public void saveState(Conversation conversation) {
            conversations.put(conversation.resident(), conversation);
        }

        /** Staff-only lines, as "address: text". */
        final List<String> notes = new CopyOnWriteArrayList<>();

        @Override
        public void note(Conversation conversation, String text, java.time.Instant at) {
            notes.add(conversation.resident().value() + ": " + text);
        }
    }

    static final class Complaints implements ComplaintService {
        final List<NewComplaint> filed = new CopyOnWriteArrayList<>();
        final Map<String, String> ticketByKey = new ConcurrentHashMap<>();
        private final Clock clock;
        boolean down;

        Complaints(Clock clock) {
            this.clock = clock;
        }

        @Override
        public List<Category> categories() {
            return CATEGORIES;
        }

        @Override
        public synchronized FiledComplaint file(NewComplaint c) {
            if (down) {
                throw new id.kanal.dialog.port.ServiceUnavailableException("down", null);
            }
            String ticket = ticketByKey.computeIfAbsent(c.idempotencyKey(), k -> {
                filed.add(c);
                return String.format("TNG-%06d", filed.size());
            });
            return new FiledComplaint(ticket, category(c.categoryCode()).agencyName());
        }

        @Override
        public Optional<ComplaintView> find(String ticket) {
            List<ComplaintView> all = views();
            return all.stream().filter(v -> v.ticket().equalsIgnoreCase(ticket)).findFirst();
        }

        @Override
        public boolean filedBy(String ticket, Address resident) {
            List<ComplaintView> all = views();
            for (int i = 0; i < filed.size(); i++) {
                if (all.get(i).ticket().equalsIgnoreCase(ticket) && filed.get(i).reporter().value().equals(resident.value())) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public List<ComplaintView> latestBy(Address reporter, int limit) {
            List<ComplaintView> mine = new ArrayList<>();
            for (int i = 0; i < filed.size(); i++) {
                if (filed.get(i).reporter().value().equals(reporter.value())) {
                    mine.add(views().get(i));
                }
            }
            mine.sort(Comparator.comparing(ComplaintView::ticket).reversed());
            return mine.subList(0, Math.min(limit, mine.size()));
        }

        private List<ComplaintView> views() {
            List<ComplaintView> out = new ArrayList<>();
            for (int i = 0; i < filed.size(); i++) {
                NewComplaint c = filed.get(i);
                out.add(new ComplaintView(String.format("TNG-%06d", i + 1), category(c.categoryCode()),
                        ComplaintStatus.RECEIVED, c.location(), clock.instant(), clock.instant(), Optional.empty()));
            }
            return out;
        }

        @Override
        public ReopenOutcome reopen(String ticket, Address reporter, String note) {
            return find(ticket).isPresent() ? ReopenOutcome.REFUSED : ReopenOutcome.NOT_FOUND;
        }

        private static Category category(String code) {
            return CATEGORIES.stream().filter(k -> k.code().equals(code)).findFirst().orElseThrow();
        }
    }
}
