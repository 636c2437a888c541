package id.kanal.channels.ussd;

import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import id.kanal.dialog.Conversation;
import id.kanal.dialog.InboundHandler;
import id.kanal.dialog.InboundMessage;
import id.kanal.dialog.Language;
import id.kanal.dialog.Reply;
import id.kanal.dialog.State;
import id.kanal.dialog.port.ConversationStore;
import id.kanal.dialog.port.Turn;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * A small stand-in for the dialog engine: the menu, a long list (mid-flow), a ticket, a slow
 * turn; it keeps conversations like the real store so the adapter can see "mid-flow".
 */
final class ScriptedDialog implements InboundHandler, ConversationStore {
    static final String MENU = "Layanan Tangerang:\n1 Lapor keluhan\n2 Cek status laporan\n3 Harga bahan pokok\n"
            + "4 Jadwal bus dan KRL\n5 Bicara dengan petugas\n0 Bahasa/Language\nBalas dengan angka.";
    /** Longer than one screen: paged. */
    static final String CATEGORIES = "Pilih kategori keluhan:\n1 Jalan rusak\n2 Sampah\n3 Lampu jalan (PJU)\n"
            + "4 Banjir dan drainase\n5 Pohon tumbang\n6 Air bersih (PDAM)\n7 Parkir liar\n8 Pedagang kaki lima\n"
            + "9 Fasilitas umum rusak\n10 Kebisingan\n11 Lainnya\nBalas dengan angka.";
    static final String FILED = "Terima kasih. Laporan Anda tercatat dengan nomor TNG-000123. Cek: STATUS TNG-000123";

    final List<InboundMessage> received = new CopyOnWriteArrayList<>();
    final Map<Address, Conversation> conversations = new ConcurrentHashMap<>();
    final Map<String, Reply> replies = new ConcurrentHashMap<>();
    final CountDownLatch slowRelease = new CountDownLatch(1);
    /** Inbound message ids whose turn filed a complaint (and so had its receipt queued). */
    final java.util.Set<String> filedBy = ConcurrentHashMap.newKeySet();
    private final Clock clock;

    ScriptedDialog(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Reply handle(InboundMessage m) {
        Reply earlier = replies.get(m.providerMessageId());
        if (earlier != null) {
            return earlier;
        }
        received.add(m);
        Conversation c = conversations.getOrDefault(m.from(), Conversation.start(m.from(), clock.instant()));
        State next;
        Reply reply;
        String text = m.text().strip();
        if (text.equals("MENU")) {
            next = State.MENU;
            reply = Reply.of(MENU);
        } else if (text.equals("slow-file") || text.equals("slow-silent")) {
            // A slow complaint filing: the desk queues the receipt in the filing transaction.
            try {
                slowRelease.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            next = State.MENU;
            if (text.equals("slow-file")) {
                filedBy.add(m.providerMessageId());
                reply = Reply.of(FILED);
            } else {
                reply = Reply.silent();
            }
        } else if (text.equals("slow")) {
            try {
                slowRelease.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            next = State.MENU;
            reply = Reply.of("Harga cabai rawit di Pasar Anyar: Rp 45.000/kg.");
        } else if (c.state() instanceof State.Menu && text.equals("1")) {
            next = new State.AskingTicket(List.of());
            reply = Reply.of(CATEGORIES);
        } else if (text.equals("bye")) {
            next = State.MENU;
            reply = new Reply("Terima kasih.", List.of(), true);
        } else if (!(c.state() instanceof State.Menu)) {
            next = State.MENU;
            filedBy.add(m.providerMessageId());
            reply = Reply.of(FILED);
        } else {
            next = c.state();
            reply = Reply.of("Maaf, kami belum mengerti.");
        }
        save(new Turn(m, new Conversation(m.from(), c.language(), next, 0, clock.instant()), reply));
        return reply;
    }

    @Override
    public void saveState(Conversation conversation) {
        conversations.put(conversation.resident(), conversation);
    }

    List<String> inputs() {
        return received.stream().map(InboundMessage::text).toList();
    }

    @Override
    public Optional<Reply> replyTo(Address from, String providerMessageId) {
        return Optional.ofNullable(replies.get(providerMessageId));
    }

    @Override
    public Optional<Conversation> load(Address resident) {
        return Optional.ofNullable(conversations.get(resident));
    }

    @Override
    public void save(Turn turn) {
        replies.put(turn.inbound().providerMessageId(), turn.reply());
        conversations.put(turn.inbound().from(), turn.conversation());
    }

    void setLanguage(Address a, Language language) {
        conversations.computeIfPresent(a, (k, c) -> c.with(language));
    }

}
