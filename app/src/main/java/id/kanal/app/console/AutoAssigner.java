package id.kanal.app.console;

import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import id.kanal.dialog.DialogEngine;
import id.kanal.store.console.ConversationQueue;
import id.kanal.store.console.ConversationSummary;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Optional auto-assignment ({@code kanal.console.auto-assign-cap} > 0): each waiting conversation,
 * oldest first, goes to the online agent (an agent or supervisor with the console open) who has
 * the fewest open conversations, while that is below the cap; ties go by name, so the choice is
 * the same on every run. It assigns through the engine's {@code assignAgent}, the same exclusive
 * step as a manual take: whoever comes first wins, and the other gets nothing (a take answers 409).
 * A manual take is not capped: an agent may always take more by hand.
 *
 * <p>Desks: a conversation goes only to an account whose desk covers its region
 * ({@link DeskPolicy#covers}), and never to an agency account: an agency desk works on the
 * complaints routed to its agency, not on the call centre's queue (its staff may still take a
 * conversation by hand).
 *
 * <p>A sweep runs on its own thread after any console change or new stream, coalesced: changes
 * that arrive while one runs cause one more sweep, not one each.
 */
final class AutoAssigner implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(AutoAssigner.class.getName());

    private final int cap;
    private final ConversationQueue conversations;
    private final DialogEngine engine;
    private final AgentActions actions;
    private final ConsoleEvents events;
    private final Accounts accounts;
    private final DeskPolicy desks;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "console-auto-assign");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean pending = new AtomicBoolean();

    AutoAssigner(int cap, ConversationQueue conversations, DialogEngine engine, AgentActions actions,
                 ConsoleEvents events, Accounts accounts, DeskPolicy desks, Clock clock) {
        if (cap < 1) {
            throw new IllegalArgumentException("cap must be >= 1: " + cap);
        }
        this.cap = cap;
        this.conversations = conversations;
        this.engine = engine;
        this.actions = actions;
        this.events = events;
        this.accounts = accounts;
        this.desks = desks;
        this.clock = clock;
    }

    /** Asks for a sweep soon; returns at once. */
    void wake() {
        if (pending.compareAndSet(false, true) && !worker.isShutdown()) {
            try {
                worker.execute(this::run);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                pending.set(false); // stopping
            }
        }
    }

    private void run() {
        pending.set(false);
        try {
            sweep();
        } catch (RuntimeException e) {
            // The queue stays as it is and agents take by hand; the next change tries again.
            LOG.log(System.Logger.Level.WARNING, "auto-assignment failed", e);
        }
    }

    /** Assigns what it can now; returns how many conversations it assigned. */
    int sweep() {
        List<ConversationSummary> rows = conversations.queue();
        Map<String, Integer> open = new HashMap<>();
        Map<String, Desk> deskOf = new HashMap<>();
        for (String name : events.online()) {
            accounts.find(name).filter(a -> a.role() != Role.ADMIN && a.desk().agency().isEmpty()).ifPresent(a -> {
                open.put(name, 0);
                deskOf.put(name, a.desk());
            });
        }
        rows.stream().filter(r -> "agent".equals(r.mode()) && open.containsKey(r.agent()))
                .forEach(r -> open.merge(r.agent(), 1, Integer::sum));
        int assigned = 0;
        for (ConversationSummary r : rows) {
            if (!"queued".equals(r.mode())) {
                continue;
            }
            Address a = new Address(Channel.of(r.channel()), r.address());
            Optional<String> agent = open.entrySet().stream()
                    .filter(e -> e.getValue() < cap && desks.covers(deskOf.get(e.getKey()), a))
                    .min(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
                            .thenComparing(Map.Entry::getKey))
                    .map(Map.Entry::getKey);
            if (agent.isEmpty()) {
                continue; // nobody of this conversation's region is free; another region's may be
            }
            if (engine.assignAgent(a, agent.get())) {
                Instant now = clock.instant();
                actions.assignedAutomatically(a, agent.get(), r.since() == null ? now : Instant.ofEpochMilli(r.since()),
                        now);
                open.merge(agent.get(), 1, Integer::sum);
                assigned++;
                LOG.log(System.Logger.Level.INFO, "conversation auto-assigned conversation={0} agent={1}", a, agent.get());
            }
        }
        return assigned;
    }

    @Override
    public void close() {
        worker.shutdownNow();
        try {
            worker.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
