package id.kanal.app.console;

import id.kanal.dialog.Address;
import id.kanal.dialog.Conversation;
import id.kanal.store.console.ConversationSummary;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The console's in-process event bus: which conversations changed, for the browsers' SSE streams.
 *
 * <p>Why a listener on {@code SqlConversationStore} and not a poll of the database: every change
 * the console shows (a resident's message, a queue entry, a take, a hand-back) is saved through
 * that store or by the console itself in this process, so the listener sees it the moment it
 * commits, with no query load and no second of delay. Only bot conversations that never touch a
 * person are filtered out, so a busy SMS line does not wake every agent's browser.
 *
 * <p>Several nodes: every event is also handed to {@code others} (PostgreSQL {@code NOTIFY}, see
 * {@code ClusterNotices}), and what other nodes send arrives in {@link #received}, so a browser
 * on any node sees every node's changes; after the notices' connection comes back
 * {@link #resync} makes every browser refresh everything.
 */
public final class ConsoleEvents {
    static final String EVERYTHING = "*";
    private static final int MAX_PENDING = 500;

    /** Other nodes' news: the state it tells, then the key ("h" handed off, "b" back with the bot, "-" unsaid). */
    private static final String HANDED_OFF = "h", WITH_BOT = "b", UNSAID = "-";

    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    /** Conversations currently queued or with an agent (by key): their leaving the queue is news too. */
    private final Set<String> handedOff = ConcurrentHashMap.newKeySet();
    private final Consumer<String> others;
    private volatile boolean closed;
    private volatile Runnable changed = () -> { };

    /** One node: events stay in this process. */
    ConsoleEvents() {
        this(message -> { });
    }

    /** @param others sends an event to the other nodes (called after the change committed; must not block long) */
    ConsoleEvents(Consumer<String> others) {
        this.others = others;
    }

    /** Seeds the handed-off set from the database at start. */
    void seed(Collection<Address> addresses) {
        addresses.forEach(a -> handedOff.add(key(a)));
    }

    /** Called by the conversation store after each save. */
    void conversationSaved(Conversation c) {
        String key = key(c.resident());
        if (c.state().isHandedOff()) {
            handedOff.add(key);
            publish(key, HANDED_OFF);
        } else if (handedOff.remove(key)) {
            publish(key, WITH_BOT);
        }
    }

    /** Tells every browser that this conversation (and so maybe the queue) changed. */
    void publish(Address a) {
        publish(key(a), UNSAID);
    }

    /** Something else changed (complaints, canned replies): browsers refresh what they show. */
    void publishAll() {
        publish(EVERYTHING, UNSAID);
    }

    private void publish(String key, String state) {
        toBrowsers(key);
        others.accept(state + key);
    }

    /**
     * An event from another node: its browsers were told there, these are told here, and the
     * handed-off set follows (a conversation queued on one node and answered by the bot on another
     * is still news when it leaves the queue).
     */
    void received(String message) {
        if (message.isEmpty()) {
            return;
        }
        String state = message.substring(0, 1);
        String key = message.substring(1);
        if (state.equals(HANDED_OFF)) {
            handedOff.add(key);
        } else if (state.equals(WITH_BOT)) {
            handedOff.remove(key);
        }
        toBrowsers(key);
    }

    /** Events may have been missed (the other nodes' news was cut off): reseed, and every browser refreshes. */
    void resync(Collection<Address> nowHandedOff) {
        Set<String> keys = new java.util.HashSet<>();
        nowHandedOff.forEach(a -> keys.add(key(a)));
        handedOff.retainAll(keys);
        handedOff.addAll(keys);
        toBrowsers(EVERYTHING);
    }

    private void toBrowsers(String key) {
        for (Subscriber s : subscribers) {
            if (!s.queue.offer(key)) {
                // A browser that stopped reading: replace its backlog with one "refresh everything".
                s.queue.clear();
                s.queue.offer(EVERYTHING);
            }
        }
        changed.run();
    }

    /**
     * A stream for the session with this token hash; it ends when {@link #sessionEnded} names the
     * session. While it is open, its account is online ({@link #online()}).
     */
    Subscriber subscribe(String sessionHash, String username) {
        Subscriber s = new Subscriber(new LinkedBlockingQueue<>(MAX_PENDING), sessionHash, username, new AtomicBoolean());
        subscribers.add(s);
        changed.run();
        return s;
    }

    /** The accounts with a console open now (a live event stream): who auto-assignment may give work to. */
    Set<String> online() {
        Set<String> out = new java.util.TreeSet<>();
        for (Subscriber s : subscribers) {
            if (!s.ended().get()) {
                out.add(s.username());
            }
        }
        return out;
    }

    /** Told after every change and every new stream (auto-assignment looks at the queue again); it must not block. */
    void onChange(Runnable listener) {
        changed = listener;
    }

    /** The session logged out: its streams end now, not at their next quiet moment. */
    void sessionEnded(String sessionHash) {
        for (Subscriber s : subscribers) {
            if (s.sessionHash().equals(sessionHash)) {
                s.ended().set(true);
                // Wakes the stream if it is waiting; a full queue is read at once anyway.
                s.queue().offer(EVERYTHING);
            }
        }
    }

    void unsubscribe(Subscriber s) {
        subscribers.remove(s);
    }

    boolean closed() {
        return closed;
    }

    void close() {
        closed = true;
        subscribers.forEach(s -> s.queue.offer(EVERYTHING));
    }

    static String key(Address a) {
        return ConversationSummary.key(a);
    }

    /** One browser's pending changes, for one session ({@code ended} once it logged out). */
    record Subscriber(BlockingQueue<String> queue, String sessionHash, String username, AtomicBoolean ended) {
        /** Waits up to {@code wait} for changes; returns them coalesced (empty on timeout). */
        Set<String> next(Duration wait) throws InterruptedException {
            Set<String> out = new LinkedHashSet<>();
            String first = queue.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
            if (first == null) {
                return out;
            }
            out.add(first);
            String more;
            while ((more = queue.poll()) != null) {
                out.add(more);
            }
            return out;
        }

        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }
}
