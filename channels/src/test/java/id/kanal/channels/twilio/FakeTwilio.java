package id.kanal.channels.twilio;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import id.kanal.channels.testing.LoopbackServer;
import id.kanal.channels.web.FormBody;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake Twilio Messages API on loopback ({@code POST /2010-04-01/Accounts/{sid}/Messages.json}).
 * Scripted faults are served in order to the next calls (500, 429 with Retry-After, a timeout
 * that never answers, a Twilio error code); per-recipient errors answer every call to that
 * number. {@link #accepted()} holds exactly the messages the fake answered 201 for.
 */
public final class FakeTwilio implements AutoCloseable {
    public static final String ACCOUNT_SID = "AC11111111111111111111111111111111";
    public static final String AUTH_TOKEN = "fake-twilio-token";

    /** What the next call gets instead of 201. */
    public sealed interface Fault {
        record Status(int httpStatus, int code, String message) implements Fault {
        }

        record TooManyRequests(int retryAfterSeconds) implements Fault {
        }

        /** Never answers (until the fake closes): the client times out. The message is not accepted. */
        record Timeout() implements Fault {
        }

        static Fault serverError() {
            return new Status(500, 20500, "Internal Server Error");
        }
    }

    private final HttpServer server;
    private final Deque<Fault> faults = new ArrayDeque<>();
    private final Map<String, Fault.Status> recipientErrors = new ConcurrentHashMap<>();
    private final List<Map<String, String>> accepted = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger sids = new AtomicInteger();
    private final CountDownLatch closing = new CountDownLatch(1);
    /** While set, every call gets this instead of 201 (before any scripted fault): Twilio down for a while. */
    private volatile Fault outage;

    public FakeTwilio() {
        server = LoopbackServer.start(this::handle);
    }

    public URI url() {
        return LoopbackServer.url(server);
    }

    public synchronized FakeTwilio then(Fault... next) {
        faults.addAll(List.of(next));
        return this;
    }

    /** Every call gets {@code fault} until {@link #recover()}: Twilio down (or throttling) for as long as a test needs. */
    public FakeTwilio down(Fault fault) {
        outage = fault;
        return this;
    }

    /** Ends {@link #down}: calls get the scripted faults, then 201, again. */
    public FakeTwilio recover() {
        outage = null;
        return this;
    }

    /** Every message to this number (E.164, or whatsapp:+...) fails with a Twilio error. */
    public FakeTwilio failFor(String to, int httpStatus, int code, String message) {
        recipientErrors.put(to, new Fault.Status(httpStatus, code, message));
        return this;
    }

    /** The form of every message answered 201, in order. */
    public List<Map<String, String>> accepted() {
        return List.copyOf(accepted);
    }

    /** Waits until at least {@code n} messages were accepted; false when the deadline passed first. */
    public boolean awaitAccepted(int n, java.time.Duration deadline) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        synchronized (accepted) {
            while (accepted.size() < n) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(accepted, left);
            }
            return true;
        }
    }

    public int calls() {
        return calls.get();
    }

    private synchronized Fault nextFault() {
        return faults.pollFirst();
    }

    private void handle(HttpExchange ex) throws IOException {
        calls.incrementAndGet();
        try (ex) {
            String expectedPath = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";
            String auth = "Basic " + Base64.getEncoder().encodeToString((ACCOUNT_SID + ":" + AUTH_TOKEN)
                    .getBytes(StandardCharsets.UTF_8));
            if (!"POST".equals(ex.getRequestMethod()) || !expectedPath.equals(ex.getRequestURI().getPath())) {
                respond(ex, 404, error(404, 20404, "The requested resource was not found"));
                return;
            }
            if (!auth.equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                respond(ex, 401, error(401, 20003, "Authenticate"));
                return;
            }
            Map<String, String> form = FormBody.parse(new String(ex.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8)).fields();
            Fault fault = outage != null ? outage : nextFault();
            if (fault == null) {
                fault = recipientErrors.get(form.getOrDefault("To", ""));
            }
            switch (fault) {
                case null -> {
                    String sid = String.format("SM%032d", sids.incrementAndGet());
                    synchronized (accepted) {
                        accepted.add(form);
                        accepted.notifyAll();
                    }
                    respond(ex, 201, "{\"sid\":\"" + sid + "\",\"account_sid\":\"" + ACCOUNT_SID
                            + "\",\"status\":\"queued\",\"direction\":\"outbound-api\",\"num_segments\":\"1\"}");
                }
                case Fault.Status s -> respond(ex, s.httpStatus(), error(s.httpStatus(), s.code(), s.message()));
                case Fault.TooManyRequests t -> {
                    ex.getResponseHeaders().add("Retry-After", String.valueOf(t.retryAfterSeconds()));
                    respond(ex, 429, error(429, 20429, "Too Many Requests"));
                }
                case Fault.Timeout t -> {
                    try {
                        closing.await(10, TimeUnit.SECONDS); // the client gives up long before
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        }
    }

    private static String error(int status, int code, String message) {
        return "{\"code\":" + code + ",\"message\":\"" + message + "\",\"more_info\":\"https://www.twilio.com/docs/errors/"
                + code + "\",\"status\":" + status + "}";
    }

    private static void respond(HttpExchange ex, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
    }
}
