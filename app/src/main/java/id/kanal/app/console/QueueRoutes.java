package id.kanal.app.console;

import id.kanal.dialog.Address;
import id.kanal.dialog.DialogEngine;
import id.kanal.store.console.ConversationQueue;
import id.kanal.store.console.ConversationSummary;
import io.helidon.http.sse.SseEvent;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.sse.SseSink;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/** The queue ({@code GET /queue}), taking a conversation, and the live stream ({@code GET /events}, SSE). */
final class QueueRoutes implements HttpService {
    private static final System.Logger LOG = System.getLogger(QueueRoutes.class.getName());
    static final String EVENTS = "/events";
    /** A comment this often finds browsers that went away (a write to a closed socket fails). */
    private static final Duration PING = Duration.ofSeconds(2);

    private final ConsoleGuard guard;
    private final ConversationQueue conversations;
    private final DialogEngine engine;
    private final AgentActions actions;
    private final ConsoleEvents events;
    private final Clock clock;
    private final DeskPolicy desks;

    QueueRoutes(ConsoleGuard guard, ConversationQueue conversations, DialogEngine engine, AgentActions actions,
                ConsoleEvents events, Clock clock, DeskPolicy desks) {
        this.desks = desks;
        this.guard = guard;
        this.conversations = conversations;
        this.engine = engine;
        this.actions = actions;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/queue", this::queue)
                .post("/conversations/{channel}/{address}/take", this::take)
                .get(EVENTS, this::events);
    }

    private void queue(ServerRequest req, ServerResponse res) {
        Session s = guard.require(req, Role.AGENT);
        ConsoleHttp.ok(res, Map.of("now", clock.millis(), "conversations",
                desks.visibleConversations(s, conversations.queue())));
    }

    private void take(ServerRequest req, ServerResponse res) {
        Session s = guard.require(req, Role.AGENT);
        Address a = ConsoleHttp.address(req);
        desks.checkConversation(s, a);
        Long queuedAt = conversations.find(a).map(ConversationSummary::since).orElse(null);
        if (!engine.assignAgent(a, s.username())) {
            String owner = conversations.find(a).map(ConversationSummary::agent).orElse(null);
            throw ConsoleException.conflict(owner == null ? "this conversation is no longer waiting"
                    : "already taken by " + owner);
        }
        Instant now = Instant.ofEpochMilli(clock.millis());
        actions.taken(a, s.username(), queuedAt == null ? now : Instant.ofEpochMilli(queuedAt), now);
        LOG.log(System.Logger.Level.INFO, "conversation taken conversation={0} agent={1}", a, s.username());
        ConsoleHttp.ok(res, Map.of("taken", true, "agent", s.username()));
    }

    private void events(ServerRequest req, ServerResponse res) {
        Session session = guard.require(req, Role.AGENT);
        ConsoleEvents.Subscriber sub = events.subscribe(session.tokenHash(), session.username());
        try (SseSink sink = res.sink(SseSink.TYPE)) {
            sink.emit(SseEvent.builder().name("hello").data("{}").build());
            // Monotonic time, not the clock: this paces a liveness check, it decides nothing a test fakes.
            long nextCheck = System.nanoTime() + PING.toNanos();
            while (!events.closed()) {
                Set<String> changed = sub.next(PING);
                if (sub.ended().get()) {
                    break; // logged out
                }
                if (changed.isEmpty() || System.nanoTime() - nextCheck >= 0) {
                    // Expired or the account deleted: checked every ping interval, busy or not, so a
                    // stream of events never outlives its session.
                    if (guard.session(req).isEmpty()) {
                        break;
                    }
                    nextCheck = System.nanoTime() + PING.toNanos();
                }
                if (changed.isEmpty()) {
                    // A named event with empty data, not a bare comment: Helidon's HTTP/1 SSE sink
                    // fails on an event without data ("no media writer for Object") and drops the stream.
                    sink.emit(SseEvent.builder().name("ping").data("").build());
                } else {
                    sink.emit(SseEvent.builder().name("changed")
                            .data(ConsoleHttp.JSON.writeValueAsString(changed)).build());
                }
            }
        } catch (UncheckedIOException e) {
            LOG.log(System.Logger.Level.DEBUG, "event stream closed by the browser");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        } finally {
            events.unsubscribe(sub);
        }
    }
}
