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
            new Category("lampu-jalan", "Lampu jalan (PJU)", "Street light", "Dinas Perhubungan", List.of("lampu jalan", "pju")));

    private Fakes() {
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static final class Conversations implements ConversationStore {
        final Map<String, Reply> replies = new ConcurrentHashMap<>();
        final Map<Address, Conversation> conversations = new ConcurrentHashMap<>();
        final List<Turn> turns = new CopyOnWriteArrayList<>();

        @Override
        public Optional<Reply> replyTo(Channel channel, String providerMessageId) {
            return Optional.ofNullable(replies.get(channel.id() + ":" + providerMessageId));
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

        private static Category category(String code) {
            return CATEGORIES.stream().filter(k -> k.code().equals(code)).findFirst().orElseThrow();
        }
    }
}
