package id.kanal.channels.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import id.kanal.channels.testing.LoopbackServer;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A Bot API on loopback that records every call and answers from a script (default: success).
 * Paths are as the client sends them: {@code /bot<token>/sendmessage}. A script may also hang a
 * call (never answer until the fake closes, so the client times out), and a chat may have
 * blocked the bot (every sendMessage to it answers 403). {@link #delivered()} holds exactly the
 * messages the fake answered 200 for.
 */
public final class FakeBotApi implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One call: the path and the JSON body (or the form body parsed loosely). */
    public record Call(String path, JsonNode body) {
        public String method() {
            return path.substring(path.lastIndexOf('/') + 1);
        }
    }

    /** A scripted answer. */
    public record Answer(int status, String body) {
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Queue<Answer>> scripted = new ConcurrentHashMap<>();
    private final List<Call> delivered = new CopyOnWriteArrayList<>();
    private final Map<String, Answer> chatErrors = new ConcurrentHashMap<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    /** While set, every call gets this answer (before any scripted one): the Bot API down for a while. */
    private volatile Answer outage;
    /** The status of a scripted answer that never comes. */
    private static final int HANG = -1;

    public FakeBotApi() {
        server = LoopbackServer.start(this::handle);
    }

    public URI url() {
        return LoopbackServer.url(server);
    }

    /** The next call of {@code method} (lower case, e.g. "sendmessage") gets this answer. */
    public void script(String method, int status, String body) {
        scripted.computeIfAbsent(method, m -> new ConcurrentLinkedQueue<>()).add(new Answer(status, body));
    }

    /** The next call of {@code method} is never answered (until the fake closes): the client times out. */
    public void hang(String method) {
        scripted.computeIfAbsent(method, m -> new ConcurrentLinkedQueue<>()).add(new Answer(HANG, ""));
    }

    /** Every call gets this answer until {@link #recover()}: the Bot API down for as long as a test needs. */
    public void down(int status, String body) {
        outage = new Answer(status, body);
    }

    /** Ends {@link #down}: calls get the scripted answers, then the default ones, again. */
    public void recover() {
        outage = null;
    }

    /** Every sendMessage to this chat answers 403 "bot was blocked by the user", as for a resident who blocked the bot. */
    public void blockedBy(String chatId) {
        failFor(chatId, 403, "{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was blocked by the user\"}");
    }

    /** Every sendMessage to this chat (after the scripted answers) gets this answer. */
    public void failFor(String chatId, int status, String body) {
        chatErrors.put(chatId, new Answer(status, body));
    }

    /** The sendMessage calls answered 200, in order: what the residents received. */
    public List<Call> delivered() {
        return List.copyOf(delivered);
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    public void clear() {
        calls.clear();
        scripted.clear();
    }

    /** Waits (up to a deadline, without sleeping blindly) until the calls satisfy the condition. */
    public List<Call> await(Predicate<List<Call>> condition, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        synchronized (calls) {
            while (!condition.test(calls())) {
                long left = Duration.between(Instant.now(), deadline).toMillis();
                if (left <= 0) {
                    throw new AssertionError("fake Bot API never saw the expected calls; it saw " + calls());
                }
                try {
                    calls.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
        return calls();
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        byte[] raw = ex.getRequestBody().readAllBytes();
        JsonNode body;
        try {
            body = raw.length == 0 ? JSON.createObjectNode() : JSON.readTree(raw);
        } catch (IOException e) {
            body = JSON.getNodeFactory().textNode(new String(raw, StandardCharsets.UTF_8));
        }
        Call call = new Call(path, body);
        Queue<Answer> queue = scripted.get(call.method());
        Answer answer = outage != null ? outage : queue == null ? null : queue.poll();
        if (answer == null && call.method().equals("sendmessage")) {
            answer = chatErrors.get(body.path("chat_id").asText());
        }
        if (answer != null && answer.status() == HANG) {
            record(call);
            try {
                closing.await(30, TimeUnit.SECONDS); // the client gives up long before
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.close();
            return;
        }
        if (answer == null) {
            if (call.method().equals("getupdates")) {
                holdLongPoll();
            }
            answer = defaultAnswer(call.method());
        }
        // Delivered before the answer, so a client whose send returned finds its message here (a test read
        // delivered() right after a synchronous send, before this thread had recorded it, and missed it).
        if (answer.status() == 200 && call.method().equals("sendmessage")) {
            delivered.add(call);
        }
        byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(answer.status(), out.length);
        ex.getResponseBody().write(out);
        ex.close();
        // The call is recorded after the answer, so a test that awaited the call also sees the client's result.
        record(call);
    }

    private void record(Call call) {
        calls.add(call);
        synchronized (calls) {
            calls.notifyAll();
        }
    }

    /** Like the real API, hold an empty getUpdates open a little (so a poller does not spin). */
    private void holdLongPoll() {
        Object lock = new Object();
        synchronized (lock) {
            try {
                lock.wait(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Answer defaultAnswer(String method) {
        return switch (method) {
            case "sendmessage" -> new Answer(200, "{\"ok\":true,\"result\":{\"message_id\":900,\"date\":1795316401,"
                    + "\"chat\":{\"id\":523901877,\"type\":\"private\"},\"text\":\"ok\"}}");
            case "getupdates" -> new Answer(200, "{\"ok\":true,\"result\":[]}");
            default -> new Answer(200, "{\"ok\":true,\"result\":true}");
        };
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
    }
}
