package id.kanal.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.kanal.channels.telegram.FakeBotApi;
import id.kanal.channels.twilio.TwilioSigner;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The standing fault suite's first part: mutated requests over every webhook and the Open311,
 * staff and console APIs against a real Kanal on loopback. Nothing a client sends may answer
 * 5xx, and the server is healthy afterwards. Bounded by count ({@code -Dkanal.fault.requests},
 * 10,000 in the test command; {@code ./dev fault} sends more) and seeded, so a failure names the
 * seed and the request that caused it.
 */
@Tag("fault")
class FaultMutatedRequestsTest {
    private static final Path FIXTURES = Path.of("../channels/src/test/resources/fixtures");
    private static final String BOT_TOKEN = "123456:FAULT-TOKEN";
    private static final String TELEGRAM_SECRET = "fault-telegram-secret";
    private static final String USSD_SECRET = "fault-ussd-secret";
    private static final String OPEN311_KEY = "fault-open311-key";
    private static final String ADMIN_TOKEN = "fault-admin-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** One request to send: where, what, and how it was made (for the failure message). */
    record Attempt(String method, String path, Map<String, String> headers, byte[] body, String how) {
    }

    @Test
    void mutatedRequests_neverAnswer5xx_andTheServerStaysHealthy() throws Exception {
        int count = Integer.getInteger("kanal.fault.requests", 10_000);
        long seed = Long.getLong("kanal.fault.seed", System.nanoTime());
        try (FakeBotApi bot = new FakeBotApi();
             KanalHarness kanal = new KanalHarness(dir, Clock.systemUTC(), Map.of(
                     "KANAL_TELEGRAM_BOT_TOKEN", BOT_TOKEN, "KANAL_TELEGRAM_WEBHOOK_SECRET", TELEGRAM_SECRET,
                     "KANAL_TELEGRAM_MODE", "webhook", "KANAL_TELEGRAM_API_URL", bot.url().toString(),
                     "KANAL_USSD_SECRET", USSD_SECRET, "KANAL_USSD_ALLOWED_IPS", "127.0.0.1/32",
                     "KANAL_OPEN311_API_KEY", OPEN311_KEY, "KANAL_ADMIN_TOKEN", ADMIN_TOKEN))) {
            List<Function<Random, Attempt>> targets = targets();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            ConcurrentLinkedQueue<String> serverErrors = new ConcurrentLinkedQueue<>();
            Map<Integer, AtomicLong> byClass = new java.util.concurrent.ConcurrentHashMap<>();
            AtomicLong sent = new AtomicLong();
            try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
                List<java.util.concurrent.Future<?>> workers = new ArrayList<>();
                for (int w = 0; w < 8; w++) {
                    Random random = new Random(seed + w);
                    int share = count / 8 + (w < count % 8 ? 1 : 0);
                    workers.add(pool.submit(() -> {
                        for (int i = 0; i < share; i++) {
                            Attempt a = targets.get(random.nextInt(targets.size())).apply(random);
                            int status = send(http, kanal.port(), a);
                            sent.incrementAndGet();
                            byClass.computeIfAbsent(status / 100, k -> new AtomicLong()).incrementAndGet();
                            if (status >= 500) {
                                serverErrors.add(status + " " + a.method() + " " + a.path() + " (" + a.how() + ")");
                            }
                        }
                        return null;
                    }));
                }
                for (var worker : workers) {
                    worker.get();
                }
            }
            assertEquals(count, sent.get());
            System.out.printf("fault mutated: %d requests over %d endpoints (seed %d): 2xx %d, 4xx %d, 5xx %d, "
                    + "connection closed by the server %d%n", count, targets.size(), seed, byClass.getOrDefault(2, new AtomicLong()).get(),
                    byClass.getOrDefault(4, new AtomicLong()).get(), byClass.getOrDefault(5, new AtomicLong()).get(),
                    byClass.getOrDefault(0, new AtomicLong()).get());
            assertTrue(serverErrors.isEmpty(), serverErrors.size() + " of " + count + " requests answered 5xx (seed "
                    + seed + "), first: " + serverErrors.stream().limit(5).toList());
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + kanal.port() + "/observe/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode(), health.body());
        }
    }

    private static int send(HttpClient http, int port, Attempt a) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + a.path()))
                .timeout(Duration.ofSeconds(30))
                .method(a.method(), a.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(a.body()));
        a.headers().forEach(b::header);
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            // The server may close a connection it refused (a 413 closes it); that is an answer, not a 5xx.
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** Every endpoint that takes client input, each as a maker of mutated attempts. */
    private static List<Function<Random, Attempt>> targets() throws IOException {
        List<Function<Random, Attempt>> out = new ArrayList<>();
        List<Map<String, String>> sms = List.of(KanalHarness.smsForm("SMfault", "+6281234567890", "halo"),
                form(read("twilio/sms-text.form")), form(read("twilio/sms-unicode.form")));
        out.add(r -> twilio(r, "/channels/sms", sms.get(r.nextInt(sms.size()))));
        List<Map<String, String>> wa = List.of(form(read("whatsapp/wa-text.form")), form(read("whatsapp/wa-location.form")),
                form(read("whatsapp/wa-image.form")));
        out.add(r -> twilio(r, "/channels/whatsapp", wa.get(r.nextInt(wa.size()))));
        List<Map<String, String>> status = List.of(form(read("twilio-status/sms-delivered.form")),
                form(read("twilio-status/sms-failed-stop.form")), form(read("twilio-status/wa-read.form")));
        out.add(r -> twilio(r, "/channels/twilio/status", status.get(r.nextInt(status.size()))));
        List<JsonNode> updates = new ArrayList<>();
        for (String f : List.of("text.json", "start.json", "callback_query.json", "contact.json", "location.json",
                "photo.json", "edited_message.json", "my_chat_member.json")) {
            updates.add(JSON.readTree(read("telegram/" + f)));
        }
        out.add(r -> json(r, "/channels/telegram", updates.get(r.nextInt(updates.size())),
                Map.of("X-Telegram-Bot-Api-Secret-Token", TELEGRAM_SECRET)));
        List<Map<String, String>> ussd = List.of(form(read("ussd/first.form")), form(read("ussd/local-number.form")));
        out.add(r -> formAttempt(r, "/channels/ussd?key=" + USSD_SECRET, ussd.get(r.nextInt(ussd.size()))));
        Map<String, String> open311 = new LinkedHashMap<>(Map.of("api_key", OPEN311_KEY, "service_code", "jalan-rusak",
                "description", "Jalan berlubang", "lat", "-6.17", "long", "106.63", "address_string", "Jl. Merdeka 5"));
        out.add(r -> formAttempt(r, "/open311/v2/requests.json", open311));
        out.add(r -> query(r, "/open311/v2/requests.json", Map.of("status", "open", "service_code", "sampah",
                "start_date", "2026-11-01T00:00:00Z", "service_request_id", "TNG-000001"), Map.of()));
        out.add(r -> query(r, "/api/complaints", Map.of("status", "RECEIVED", "limit", "10", "overdue", "true",
                "category", "sampah"), Map.of("Authorization", "Bearer " + ADMIN_TOKEN)));
        ObjectNode login = JsonNodeFactory.instance.objectNode().put("username", "admin").put("password", "salah");
        out.add(r -> json(r, "/api/console/login", login, Map.of()));
        ObjectNode statusChange = JsonNodeFactory.instance.objectNode().put("status", "IN_PROGRESS").put("note", "x").put("by", "y");
        out.add(r -> json(r, "/api/complaints/TNG-000001/status", statusChange,
                Map.of("Authorization", "Bearer " + ADMIN_TOKEN)));
        return out;
    }

    /** A Twilio webhook: mostly re-signed after mutation (to reach the parser), sometimes not. */
    private static Attempt twilio(Random r, String path, Map<String, String> seed) {
        Map<String, String> f = Mutations.form(r, seed);
        boolean sign = r.nextInt(10) < 8;
        String signature = sign ? TwilioSigner.sign(KanalHarness.TOKEN, KanalHarness.PUBLIC_URL + path, f) : "bm90IGEgc2lnbmF0dXJl";
        Attempt plain = new Attempt("POST", path, Map.of("Content-Type", "application/x-www-form-urlencoded",
                "X-Twilio-Signature", signature), KanalHarness.encode(f).getBytes(StandardCharsets.UTF_8),
                "form " + (sign ? "signed " : "unsigned ") + Mutations.describe(f));
        return Mutations.raw(r, plain);
    }

    private static Attempt formAttempt(Random r, String path, Map<String, String> seed) {
        Map<String, String> f = Mutations.form(r, seed);
        return Mutations.raw(r, new Attempt("POST", path, Map.of("Content-Type", "application/x-www-form-urlencoded"),
                KanalHarness.encode(f).getBytes(StandardCharsets.UTF_8), "form " + Mutations.describe(f)));
    }

    private static Attempt json(Random r, String path, JsonNode seed, Map<String, String> headers) {
        JsonNode mutated = Mutations.json(r, seed.deepCopy());
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put("Content-Type", "application/json");
        String text = mutated.toString();
        return Mutations.raw(r, new Attempt("POST", path, h, text.getBytes(StandardCharsets.UTF_8),
                "json " + (text.length() > 200 ? text.substring(0, 200) + "..." : text)));
    }

    private static Attempt query(Random r, String path, Map<String, String> seed, Map<String, String> headers) {
        Map<String, String> q = Mutations.form(r, new LinkedHashMap<>(seed));
        String qs = KanalHarness.encode(q);
        return new Attempt("GET", path + "?" + qs, headers, null, "query " + Mutations.describe(q));
    }

    private static String read(String fixture) throws IOException {
        return Files.readString(FIXTURES.resolve(fixture)).strip();
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return out;
    }

    /** The mutations: values, fields, JSON types and nesting, and the raw body and headers. */
    static final class Mutations {
        private static final List<String> VALUES = List.of("", " ", "0", "-1", "99999999999999999999999", "1e400", "NaN",
                "null", "true", "[]", "{}", "%", "%zz", "\u0000", "\uFFFF", "😀😀😀", "' OR 1=1 --", "<script>x</script>",
                "whatsapp:", "whatsapp:+", "+", "+62", "tel:+6281", "-91", "181", "-6.1,106.6", "TNG-", "TNG-999999999999",
                "\r\nX-Injected: 1", "../../etc/passwd", "ya", "1", "0", "lapor");

        private Mutations() {
        }

        static Map<String, String> form(Random r, Map<String, String> seed) {
            Map<String, String> f = new LinkedHashMap<>(seed);
            List<String> keys = new ArrayList<>(f.keySet());
            int edits = 1 + r.nextInt(3);
            for (int i = 0; i < edits && !keys.isEmpty(); i++) {
                String k = keys.get(r.nextInt(keys.size()));
                switch (r.nextInt(6)) {
                    case 0 -> f.remove(k);
                    case 1 -> f.put(k, VALUES.get(r.nextInt(VALUES.size())));
                    case 2 -> f.put(k, "x".repeat(1 + r.nextInt(r.nextBoolean() ? 300 : 20_000)));
                    case 3 -> f.put(k, randomString(r, 1 + r.nextInt(40)));
                    case 4 -> f.put("Extra" + r.nextInt(5), VALUES.get(r.nextInt(VALUES.size())));
                    default -> f.put(k, f.get(k) + VALUES.get(r.nextInt(VALUES.size())));
                }
            }
            return f;
        }

        static JsonNode json(Random r, JsonNode root) {
            int edits = 1 + r.nextInt(3);
            for (int i = 0; i < edits; i++) {
                List<ObjectNode> objects = new ArrayList<>();
                collect(root, objects);
                if (objects.isEmpty()) {
                    break;
                }
                ObjectNode o = objects.get(r.nextInt(objects.size()));
                List<String> names = new ArrayList<>();
                o.fieldNames().forEachRemaining(names::add);
                if (names.isEmpty()) {
                    continue;
                }
                String name = names.get(r.nextInt(names.size()));
                switch (r.nextInt(7)) {
                    case 0 -> o.remove(name);
                    case 1 -> o.putNull(name);
                    case 2 -> o.put(name, VALUES.get(r.nextInt(VALUES.size())));
                    case 3 -> o.put(name, r.nextBoolean() ? r.nextLong() : r.nextDouble() * 1e6 - 5e5);
                    case 4 -> o.set(name, JsonNodeFactory.instance.arrayNode().add(1).add("a"));
                    case 5 -> o.set(name, JsonNodeFactory.instance.objectNode());
                    default -> o.set(name, deep(50 + r.nextInt(900)));
                }
            }
            return root;
        }

        /** Sometimes breaks the request below the parser: truncated, random bytes, wrong or missing type. */
        static Attempt raw(Random r, Attempt a) {
            int pick = r.nextInt(12);
            Map<String, String> headers = new LinkedHashMap<>(a.headers());
            return switch (pick) {
                case 0 -> new Attempt(a.method(), a.path(), headers, a.body() == null ? null
                        : java.util.Arrays.copyOf(a.body(), r.nextInt(a.body().length + 1)), a.how() + " truncated");
                case 1 -> {
                    byte[] noise = new byte[r.nextInt(4096)];
                    r.nextBytes(noise);
                    yield new Attempt(a.method(), a.path(), headers, noise, "random bytes");
                }
                case 2 -> {
                    headers.put("Content-Type", List.of("application/json", "text/plain", "multipart/form-data; boundary=x",
                            "application/x-www-form-urlencoded; charset=ISO-8859-1", "application/xml").get(r.nextInt(5)));
                    yield new Attempt(a.method(), a.path(), headers, a.body(), a.how() + " as " + headers.get("Content-Type"));
                }
                case 4 -> {
                    int depth = 2_000 + r.nextInt(20_000);
                    byte[] deep = ("{\"a\":" + "[".repeat(depth) + "]".repeat(depth) + "}").getBytes(StandardCharsets.UTF_8);
                    yield new Attempt(a.method(), a.path(), headers, deep, "JSON nested " + depth + " deep");
                }
                case 3 -> {
                    headers.remove("Content-Type");
                    yield new Attempt(a.method(), a.path(), headers, a.body(), a.how() + " without Content-Type");
                }
                default -> a;
            };
        }

        static String describe(Map<String, String> f) {
            String s = f.toString();
            return s.length() > 200 ? s.substring(0, 200) + "..." : s;
        }

        private static void collect(JsonNode n, List<ObjectNode> out) {
            if (n instanceof ObjectNode o) {
                out.add(o);
            }
            for (Iterator<JsonNode> it = n.elements(); it.hasNext(); ) {
                collect(it.next(), out);
            }
        }

        private static JsonNode deep(int depth) {
            ArrayNode root = JsonNodeFactory.instance.arrayNode();
            ArrayNode at = root;
            for (int i = 0; i < depth; i++) {
                at = at.addArray();
            }
            return root;
        }

        private static String randomString(Random r, int length) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < length; i++) {
                sb.appendCodePoint(r.nextInt(5) == 0 ? r.nextInt(0x2FFFF) : 0x20 + r.nextInt(0x5F));
            }
            return sb.toString().replaceAll("[\uD800-\uDFFF]", "?");
        }
    }
}
