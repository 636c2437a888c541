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

/**
 * The console's in-process event bus: which conversations changed, for the browsers' SSE streams.
 *
 * <p>Why a listener on {@code SqlConversationStore} and not a poll of the database: every change
 * the console shows (a resident's message, a queue entry, a take, a hand-back) is saved through
 * that store or by the console itself in this process, so the listener sees it the moment it
 * commits, with no query load and no second of delay. Only bot conversations that never touch a
 * person are filtered out, so a busy SMS line does not wake every agent's browser. (With two
 * server nodes a browser would see only its own node's changes; that needs a database poll or
 * PostgreSQL LISTEN/NOTIFY, not built yet.)
 */
public final class ConsoleEvents {
    static final String EVERYTHING = "*";
    private static final int MAX_PENDING = 500;

    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    /** Conversations currently queued or with an agent: their leaving the queue is news too. */
    private final Set<Address> handedOff = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;
    private volatile Runnable changed = () -> { };

    /** Seeds the handed-off set from the database at start. */
    void seed(Collection<Address> addresses) {
        handedOff.addAll(addresses);
    }

    /** Called by the conversation store after each save. */
    void conversationSaved(Conversation c) {
        Address a = c.resident();
        if (c.state().isHandedOff()) {
            handedOff.add(a);
            publish(a);
        } else if (handedOff.remove(a)) {
            publish(a);
        }
    }

    /** Tells every browser that this conversation (and so maybe the queue) changed. */
    void publish(Address a) {
        publish(key(a));
    }

    /** Something else changed (complaints, canned replies): browsers refresh what they show. */
    void publishAll() {
        publish(EVERYTHING);
    }

    private void publish(String key) {
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
