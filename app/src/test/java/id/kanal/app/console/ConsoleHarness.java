package id.kanal.app.console;

import id.kanal.store.console.SqlConsoleAccounts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.kanal.app.Kanal;
import id.kanal.app.KanalServer;
import id.kanal.app.Settings;
import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import id.kanal.dialog.InboundMessage;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A real Kanal with the console (temporary SQLite, free port), and browser-like API clients. */
final class ConsoleHarness implements AutoCloseable {
    static final String ADMIN_PASSWORD = "admin-password-1";
    static final ObjectMapper JSON = new ObjectMapper();

    private final Kanal kanal;
    private final KanalServer server;
    private final AtomicInteger ids = new AtomicInteger();

    private final String twilioToken;

    ConsoleHarness(Path dataDir, Clock clock, Map<String, String> extraEnv) {
        this(dataDir, clock, extraEnv, Map.of());
    }

    /** With environment variables and {@code application.yaml} keys (e.g. {@code kanal.console.session-ttl}) overridden. */
    ConsoleHarness(Path dataDir, Clock clock, Map<String, String> extraEnv, Map<String, String> configOverrides) {
        Map<String, String> env = new HashMap<>(Map.of(
                "KANAL_PORT", "0",
                "KANAL_DATA_DIR", dataDir.toString(),
                "KANAL_PUBLIC_URL", "http://localhost",
                "KANAL_TWILIO_AUTH_TOKEN", "console-test-token",
                "KANAL_ADMIN_PASSWORD", ADMIN_PASSWORD,
                // Argon2id at 64 KiB: the same code path, a hundredth of the production cost.
                "KANAL_CONSOLE_PASSWORD_MEMORY_KB", "64"));
        env.putAll(extraEnv);
        twilioToken = env.get("KANAL_TWILIO_AUTH_TOKEN");
        Settings settings = Settings.from(Config.builder().disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource().sources(ConfigSources.create(configOverrides),
                        ConfigSources.classpath("application.yaml")).build(), env);
        kanal = Kanal.open(settings, clock);
        server = KanalServer.start(kanal);
    }

    /** Drops the test region's file (Kabupaten Tangerang) into a regions directory, as an operator adds a region. */
    static void dropInKabupaten(Path regionsDir) throws IOException {
        try (InputStream in = ConsoleHarness.class.getResourceAsStream("/regions/kabupaten-tangerang.yaml")) {
            Files.copy(in, regionsDir.resolve("kabupaten-tangerang.yaml"));
        }
    }

    Kanal kanal() {
        return kanal;
    }

    String base() {
        return "http://localhost:" + server.port();
    }

    /** A resident writes on a channel, through the same engine as the webhooks. */
    String resident(Channel channel, String from, String text) {
        return kanal.engine().handle(InboundMessage.text("test-" + ids.incrementAndGet(), new Address(channel, from), text,
                kanal.clock().instant())).text();
    }

    /** A resident files a complaint by SMS (the texts, then "ya" to confirm); returns its ticket. */
    String fileComplaint(String from, String... texts) {
        for (String t : texts) {
            resident(Channel.SMS, from, t);
        }
        resident(Channel.SMS, from, "ya");
        return kanal.database().read(c -> {
            try (var ps = c.prepareStatement("SELECT ticket FROM complaint WHERE reporter_address = ? "
                    + "ORDER BY filed_at DESC, ticket DESC LIMIT 1")) {
                ps.setString(1, from);
                try (var rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new AssertionError("no complaint filed by " + from);
                    }
                    return rs.getString(1);
                }
            }
        });
    }

    /** A real Twilio-signed SMS webhook, as Twilio would send it. */
    HttpResponse<String> sms(String from, String body) throws Exception {
        return twilioWebhook("/channels/sms", from, "+6221500123", body);
    }

    /** A real Twilio-signed SMS webhook to one of the deployment's numbers (a region's identity). */
    HttpResponse<String> sms(String from, String to, String body) throws Exception {
        return twilioWebhook("/channels/sms", from, to, body);
    }

    /** A real Twilio-signed WhatsApp webhook: it also opens the resident's 24-hour window. */
    HttpResponse<String> whatsApp(String from, String body) throws Exception {
        return twilioWebhook("/channels/whatsapp", "whatsapp:" + from, "whatsapp:+6221500123", body);
    }

    private HttpResponse<String> twilioWebhook(String path, String from, String to, String body) throws Exception {
        String sid = "SM" + ids.incrementAndGet();
        Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("MessageSid", sid);
        form.put("AccountSid", "AC00000000000000000000000000000000");
        form.put("From", from);
        form.put("To", to);
        form.put("Body", body);
        form.put("NumMedia", "0");
        StringBuilder encoded = new StringBuilder();
        form.forEach((k, v) -> encoded.append(encoded.isEmpty() ? "" : "&").append(k).append('=')
                .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("X-Twilio-Signature", id.kanal.channels.twilio.TwilioSigner.sign(twilioToken,
                                "http://localhost" + path, form))
                        .POST(HttpRequest.BodyPublishers.ofString(encoded.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    Client client() {
        return new Client();
    }

    /** Logged in as that user, CSRF token in hand. */
    Client login(String username, String password) throws Exception {
        Client c = new Client();
        HttpResponse<String> res = c.post("/login", Map.of("username", username, "password", password));
        if (res.statusCode() != 200) {
            throw new AssertionError("login " + username + ": " + res.statusCode() + " " + res.body());
        }
        c.csrf = JSON.readTree(res.body()).get("csrfToken").asText();
        return c;
    }

    Client createAccount(String username, Role role) throws Exception {
        kanal.database();
        new Accounts(new SqlConsoleAccounts(kanal.database()), new PasswordHasher(64), kanal.clock()).create(username, role, username + "-password");
        return login(username, username + "-password");
    }

    /** Opens the account's live event stream ({@code /api/console/events}) with its cookie and any further headers. */
    HttpResponse<InputStream> events(Client c, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + "/api/console/events"))
                .header("Cookie", c.cookie);
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    /**
     * Opens the account's live event stream, as its browser would, and returns once the server counts
     * the account as online (the stream's first event); closing the stream takes it offline.
     */
    InputStream online(Client c) throws Exception {
        HttpResponse<InputStream> res = events(c);
        if (res.statusCode() != 200) {
            throw new AssertionError("event stream: " + res.statusCode());
        }
        InputStream in = res.body();
        StringBuilder first = new StringBuilder();
        int ch;
        while ((ch = in.read()) != -1 && first.indexOf("hello") < 0) {
            first.append((char) ch);
        }
        return in;
    }

    List<Map<String, Object>> outbox(String address) {
        return kanal.database().read(c -> {
            List<Map<String, Object>> out = new ArrayList<>();
            try (var ps = c.prepareStatement("SELECT channel, address, body, kind, priority, status FROM outbox "
                    + "WHERE address = ? ORDER BY created_at")) {
                ps.setString(1, address);
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(Map.of("channel", rs.getString(1), "address", rs.getString(2), "body", rs.getString(3),
                                "kind", rs.getString(4), "priority", rs.getInt(5), "status", rs.getString(6)));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public void close() {
        server.close();
        kanal.close();
    }

    /** A browser-like client: keeps its session cookie, sends JSON, adds the CSRF token when it has one. */
    final class Client {
        private final HttpClient http = HttpClient.newHttpClient();
        String cookie;
        String csrf;
        /** Sent as {@code X-Forwarded-For} when set: a client behind a (trusted) reverse proxy. */
        String forwardedFor;

        HttpResponse<String> get(String path) throws Exception {
            return send(request(path).GET());
        }

        HttpResponse<String> post(String path, Object body) throws Exception {
            return send(request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        }

        HttpResponse<String> delete(String path) throws Exception {
            return send(request(path).DELETE());
        }

        /** Any method, with a JSON body. */
        HttpResponse<String> send(String method, String path, Object body) throws Exception {
            return send(request(path).header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        }

        JsonNode json(HttpResponse<String> res) throws Exception {
            return JSON.readTree(res.body());
        }

        /** The tickets of a complaint list ({@code /complaints?...}, {@code /search} answers differ), in order. */
        List<String> tickets(String path) throws Exception {
            HttpResponse<String> res = get(path);
            if (res.statusCode() != 200) {
                throw new AssertionError(path + ": " + res.statusCode() + " " + res.body());
            }
            List<String> out = new ArrayList<>();
            json(res).forEach(n -> out.add(n.get("ticket").asText()));
            return out;
        }

        private HttpRequest.Builder request(String path) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + (path.startsWith("/console") ? path
                    : "/api/console" + path)));
            if (cookie != null) {
                b.header("Cookie", cookie);
            }
            if (csrf != null) {
                b.header("X-CSRF-Token", csrf);
            }
            if (forwardedFor != null) {
                b.header("X-Forwarded-For", forwardedFor);
            }
            return b;
        }

        private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
            HttpResponse<String> res = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            res.headers().firstValue("Set-Cookie").ifPresent(v -> cookie = v.split(";", 2)[0]);
            return res;
        }
    }
}
