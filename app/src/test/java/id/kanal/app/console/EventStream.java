package id.kanal.app.console;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A server-sent event stream read as a browser would, on its own thread: each event (its name and
 * data) or comment line as it arrives, for a test to wait on with a deadline.
 */
final class EventStream implements AutoCloseable {
    /** One event ({@code name} and {@code data}), or a comment ({@code name} ":" and its text). */
    record Event(String name, String data) {
        boolean isComment() {
            return name.equals(":");
        }
    }

    private static final Event END = new Event("", "");

    private final HttpResponse<InputStream> response;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Thread reader;

    private EventStream(HttpResponse<InputStream> response) {
        this.response = response;
        this.reader = Thread.ofVirtual().start(this::read);
    }

    /** Opens the stream (no {@code Accept} header, as a script's client might not send one). */
    static EventStream open(HttpClient http, String url) throws Exception {
        HttpResponse<InputStream> res = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        return new EventStream(res);
    }

    HttpResponse<InputStream> response() {
        return response;
    }

    /** The next event or comment, or an AssertionError when none comes within {@code wait}. */
    Event next(Duration wait) throws InterruptedException {
        Event e = events.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        if (e == null) {
            throw new AssertionError("no event within " + wait);
        }
        return e;
    }

    /** The next event with this name, skipping comments and other events. */
    Event next(String name, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            Event e = next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (e == END) {
                throw new AssertionError("the stream ended before a '" + name + "' event");
            }
            if (e.name().equals(name)) {
                return e;
            }
        }
    }

    /** Whether the server ended the stream within {@code wait} (events before the end are skipped). */
    boolean ends(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            Event e = events.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (e == END) {
                return true;
            }
        }
        return false;
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String name = "message";
            StringBuilder data = new StringBuilder();
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith(":")) {
                    events.add(new Event(":", line.substring(1).strip()));
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(data.isEmpty() ? "" : "\n").append(line.substring(5).stripLeading());
                } else if (line.isEmpty() && !data.isEmpty()) {
                    events.add(new Event(name, data.toString()));
                    name = "message";
                    data.setLength(0);
                }
            }
        } catch (Exception e) {
            // closed by the test or the server: the end either way
        }
        events.add(END);
    }

    @Override
    public void close() throws Exception {
        response.body().close();
        reader.join(Duration.ofSeconds(5));
    }
}
