package id.kanal.app;

import id.kanal.channels.twilio.FakeTwilio;
import id.kanal.channels.twilio.TwilioSigner;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real Kanal (SQLite file in a temporary directory, Helidon on a free port) that tests can
 * stop and start again, and a Twilio-signed SMS sender.
 */
final class KanalHarness implements AutoCloseable {
    static final String TOKEN = "harness-auth-token";
    static final String PUBLIC_URL = "https://kanal.test";
    private static final Pattern MESSAGE = Pattern.compile("<Message>(.*)</Message>", Pattern.DOTALL);

    private final Path dataDir;
    private final Clock clock;
    private final Map<String, String> env;
    private final HttpClient http = HttpClient.newHttpClient();
    private Kanal kanal;
    private KanalServer server;

    KanalHarness(Path dataDir, Clock clock) {
        this(dataDir, clock, Map.of());
    }

    /** @param env more environment variables (they win over the harness's own) */
    KanalHarness(Path dataDir, Clock clock, Map<String, String> env) {
        this.dataDir = dataDir;
        this.clock = clock;
        this.env = env;
        start();
    }

    static Settings settings(Path dataDir) {
        return settings(dataDir, Map.of());
    }

    static Settings settings(Path dataDir, Map<String, String> more) {
        Map<String, String> env = new LinkedHashMap<>(Map.of(
                "KANAL_PORT", "0",
                "KANAL_DATA_DIR", dataDir.toString(),
                "KANAL_PUBLIC_URL", PUBLIC_URL,
                "KANAL_TWILIO_AUTH_TOKEN", TOKEN));
        env.putAll(more);
        return Settings.from(Main.config(), env);
    }

    void start() {
        kanal = Kanal.open(settings(dataDir, env), clock);
        server = KanalServer.start(kanal);
    }

    /** Stops as SIGTERM does: the server first, then the database. */
    void stop() {
        server.close();
        kanal.close();
    }

    void restart() {
        stop();
        start();
    }

    Kanal kanal() {
        return kanal;
    }

    int port() {
        return server.port();
    }

    KanalServer server() {
        return server;
    }

    HttpResponse<String> sms(String sid, String from, String body) throws Exception {
        Map<String, String> form = smsForm(sid, from, body);
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port() + "/channels/sms"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("X-Twilio-Signature", TwilioSigner.sign(env.getOrDefault("KANAL_TWILIO_AUTH_TOKEN", TOKEN),
                                PUBLIC_URL + "/channels/sms", form))
                        .POST(HttpRequest.BodyPublishers.ofString(encode(form))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Settings for a Kanal on a scratch data directory whose outbox sends SMS through the fake
     * Twilio at {@code twilio}, its webhooks signed for {@code publicUrl}; {@code more} adds keys.
     */
    static Settings withFakeTwilio(Path dataDir, FakeTwilio twilio, String publicUrl, Map<String, String> more) {
        Map<String, String> env = new LinkedHashMap<>(Map.of(
                "KANAL_PORT", "0",
                "KANAL_DATA_DIR", dataDir.toString(),
                "KANAL_PUBLIC_URL", publicUrl,
                "KANAL_TWILIO_ACCOUNT_SID", FakeTwilio.ACCOUNT_SID,
                "KANAL_TWILIO_AUTH_TOKEN", FakeTwilio.AUTH_TOKEN,
                "KANAL_TWILIO_API_URL", twilio.url().toString(),
                "KANAL_TWILIO_SMS_FROM", "+6221500999"));
        env.putAll(more);
        return Settings.from(Main.config(), env);
    }

    /** The signature Twilio would send for this SMS form. */
    static String smsSignature(Map<String, String> form) {
        return TwilioSigner.sign(TOKEN, PUBLIC_URL + "/channels/sms", form);
    }

    static String encode(Map<String, String> form) {
        StringBuilder encoded = new StringBuilder();
        form.forEach((k, v) -> encoded.append(encoded.isEmpty() ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return encoded.toString();
    }

    /** An inbound SMS as Twilio posts it (fields as in a recorded webhook). */
    static Map<String, String> smsForm(String sid, String from, String body) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("ToCountry", "ID");
        form.put("SmsMessageSid", sid);
        form.put("NumMedia", "0");
        form.put("SmsSid", sid);
        form.put("SmsStatus", "received");
        form.put("Body", body);
        form.put("To", "+6221500123");
        form.put("NumSegments", "1");
        form.put("MessageSid", sid);
        form.put("AccountSid", "AC00000000000000000000000000000000");
        form.put("From", from);
        form.put("ApiVersion", "2010-04-01");
        return form;
    }

    /** The reply text inside the TwiML, unescaped. */
    static String replyText(HttpResponse<String> res) {
        Matcher m = MESSAGE.matcher(res.body());
        if (!m.find()) {
            throw new AssertionError("no <Message> in " + res.statusCode() + " " + res.body());
        }
        return m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        stop();
    }
}
