package id.kanal.store;

import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import id.kanal.dialog.Conversation;
import id.kanal.dialog.InboundMessage;
import id.kanal.dialog.Reply;
import id.kanal.dialog.State;
import id.kanal.dialog.port.Turn;
import id.kanal.store.testing.PostgresPerClass;
import id.kanal.store.testing.PostgresSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A resident's turn on PostgreSQL costs three round trips ({@code KANAL_TEST_PG_URL}; skipped
 * without it): the turn lock with the conversation's row and the message's earlier reply, the
 * turn's writes with their commit, and the unlock. Counted as the driver's Sync messages (each
 * ends one round trip), with the driver's own log.
 */
@EnabledIfEnvironmentVariable(named = PostgresSchema.ENV, matches = ".+")
class TurnRoundTripsOnPostgresTest {
    @RegisterExtension
    static final PostgresPerClass PG = new PostgresPerClass();
    private static final Instant T0 = Instant.parse("2026-12-05T05:00:00Z");
    private static final Address RESIDENT = new Address(Channel.SMS, "+6281200000001");

    private final Logger driver = Logger.getLogger("org.postgresql.core.v3.QueryExecutorImpl");
    private final AtomicInteger syncs = new AtomicInteger();
    /** Counted on the test's thread only: the pools' own threads fill and check connections meanwhile. */
    private final Thread testThread = Thread.currentThread();
    private final Handler counter = new Handler() {
        @Override
        public void publish(LogRecord r) {
            if (Thread.currentThread() == testThread && " FE=> Sync".equals(r.getMessage())) {
                syncs.incrementAndGet();
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level level;

    @BeforeEach
    void countSyncs() {
        level = driver.getLevel();
        driver.setLevel(Level.FINEST);
        driver.addHandler(counter);
    }

    @AfterEach
    void stopCounting() {
        driver.removeHandler(counter);
        driver.setLevel(level);
    }

    @Test
    void aTurn_isThreeRoundTrips_andARetryIsAnsweredFromTheLocksOwn() {
        try (Database db = PG.open(2)) {
            SqlConversationStore store = new SqlConversationStore(db);
            try (PostgresTurnLocks locks = new PostgresTurnLocks(db, store, 2)) {
                InboundMessage first = message("SM1", "halo", T0);
                store.replyTo(RESIDENT, "SM0"); // the pools' first use, outside the count
                locks.withLock(RESIDENT, () -> null);
                syncs.set(0);
                assertEquals(Optional.empty(), countedTurn(locks, store, first, Reply.of("Selamat datang")));
                assertEquals(3, syncs.get(), "a new resident's turn: lock with reads, writes with commit, unlock");

                syncs.set(0);
                InboundMessage second = message("SM2", "1", T0.plusSeconds(5));
                assertEquals(Optional.empty(), countedTurn(locks, store, second, Reply.of("Harga")));
                assertEquals(3, syncs.get(), "a known resident's turn");

                syncs.set(0);
                Optional<Reply> retry = locks.withTurn(second, () -> store.replyTo(RESIDENT, "SM2"));
                assertEquals(Optional.of("Harga"), retry.map(Reply::text), "the retry gets the first reply");
                assertEquals(2, syncs.get(), "a retry: lock with reads, unlock");

                // A silent reply (an agent has the conversation): its retry gets silence again, not a turn.
                InboundMessage third = message("SM3", "pak?", T0.plusSeconds(9));
                assertEquals(Optional.empty(), countedTurn(locks, store, third, Reply.silent()));
                assertEquals(Optional.of(Reply.silent()), countedTurn(locks, store, third, Reply.of("never")));
            }
            // Another node (no cache) reads what the turns committed.
            Conversation saved = new SqlConversationStore(db).load(RESIDENT).orElseThrow();
            assertEquals(T0.plusSeconds(9), saved.lastActivity());
        }
    }

    @Test
    void aConversationChangedByAnotherNode_isReadAgainUnderTheLock() {
        try (Database a = PG.open(2); Database b = PG.open(2)) {
            SqlConversationStore storeA = new SqlConversationStore(a);
            SqlConversationStore storeB = new SqlConversationStore(b);
            try (PostgresTurnLocks locksA = new PostgresTurnLocks(a, storeA, 2);
                 PostgresTurnLocks locksB = new PostgresTurnLocks(b, storeB, 2)) {
                countedTurn(locksA, storeA, message("SM1", "halo", T0), Reply.of("Selamat datang"));
                countedTurn(locksB, storeB, message("SM2", "lapor", T0.plusSeconds(5)), Reply.of("Apa masalahnya?"));
                // A's cache holds its own save; the row has B's: under the lock A sees B's.
                Conversation seen = locksA.withTurn(message("SM3", "x", T0.plusSeconds(9)),
                        () -> storeA.load(RESIDENT).orElseThrow());
                assertEquals(T0.plusSeconds(5), seen.lastActivity());
            }
        }
    }

    /** A turn as the dialog runs one: the duplicate check, the load, the save; the earlier reply. */
    private static Optional<Reply> countedTurn(PostgresTurnLocks locks, SqlConversationStore store, InboundMessage m,
                                               Reply reply) {
        return locks.withTurn(m, () -> {
            Optional<Reply> earlier = store.replyTo(m.from(), m.providerMessageId());
            if (earlier.isPresent()) {
                return earlier;
            }
            Conversation c = store.load(m.from()).orElseGet(() -> Conversation.start(m.from(), m.receivedAt()));
            Conversation after = new Conversation(c.resident(), c.language(), State.MENU, 0, m.receivedAt());
            store.save(new Turn(m, after, reply));
            assertTrue(store.load(m.from()).orElseThrow().lastActivity().equals(m.receivedAt()),
                    "a load after the save sees it");
            return Optional.empty();
        });
    }

    private static InboundMessage message(String id, String text, Instant at) {
        return new InboundMessage(id, RESIDENT, text, List.of(), Optional.empty(), at);
    }
}
