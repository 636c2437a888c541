package id.kanal.app;

import id.kanal.channels.twilio.FakeTwilio;
import id.kanal.channels.twilio.TwilioSigner;
import id.kanal.store.Statements;

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

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real Kanal (SQLite file in a temporary directory, Helidon on a free port) that tests can
 * stop and start again, and a sender of Twilio-signed webhooks (SMS, WhatsApp, status callbacks).
 */
final class KanalHarness implements AutoCloseable {
    static final String TOKEN = "harness-auth-token";
    static final String PUBLIC_URL = "https://kanal.test";
    private static final Pattern MESSAGE = Pattern.compile("<Message>(.*)</Message>", Pattern.DOTALL);
    private static final Pattern TICKET = Pattern.compile("TNG-\\d{6}");

    /** One resident's text sent over some channel, and Kanal's whole reply to it. */
    @FunctionalInterface
    interface Say {
        String say(String text) throws Exception;
    }

    private final Settings settings;
    private final Clock clock;
    /** The Twilio auth token and public URL this Kanal checks webhook signatures with. */
    private final String twilioToken;
    private final String publicUrl;
    /** The fake Twilio this harness made, and closes, for a Kanal that sends through it; else null. */
    private final FakeTwilio twilio;
    private final HttpClient http = HttpClient.newHttpClient();
    private Kanal kanal;
    private KanalServer server;

    KanalHarness(Path dataDir, Clock clock) {
        this(dataDir, clock, Map.of());
    }

    /** @param env more environment variables (they win over the harness's own) */
    KanalHarness(Path dataDir, Clock clock, Map<String, String> env) {
        this(settings(dataDir, env), clock, env.getOrDefault("KANAL_TWILIO_AUTH_TOKEN", TOKEN),
                env.getOrDefault("KANAL_PUBLIC_URL", PUBLIC_URL), null);
    }

    private KanalHarness(Settings settings, Clock clock, String twilioToken, String publicUrl, FakeTwilio twilio) {
        this.settings = settings;
        this.clock = clock;
        this.twilioToken = twilioToken;
        this.publicUrl = publicUrl;
        this.twilio = twilio;
        start();
    }

    /**
     * A Kanal whose outbox runs and sends through a new fake Twilio (see {@link #withFakeTwilio(Path,
     * FakeTwilio, String, Map)}), its webhooks signed for {@link #PUBLIC_URL}; closing the harness
     * closes the fake too.
     */
    static KanalHarness sendingThroughFakeTwilio(Path dataDir, Clock clock, Map<String, String> more) {
        FakeTwilio twilio = new FakeTwilio();
        try {
            return new KanalHarness(withFakeTwilio(dataDir, twilio, PUBLIC_URL, more), clock, FakeTwilio.AUTH_TOKEN,
                    PUBLIC_URL, twilio);
        } catch (RuntimeException e) {
            twilio.close();
            throw e;
        }
    }

    /** The fake Twilio of {@link #sendingThroughFakeTwilio}. */
    FakeTwilio twilio() {
        if (twilio == null) {
            throw new IllegalStateException("this harness sends through no fake Twilio");
        }
        return twilio;
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
        kanal = Kanal.open(settings, clock);
        // As serve does: the channels' links and held work first, then the routes.
        kanal.channels().start();
        server = KanalServer.start(kanal);
        if (twilio != null) {
            kanal.outbox().start();
        }
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
        return twilioPost("/channels/sms", smsForm(sid, from, body));
    }

    /**
     * One USSD gateway request (Africa's Talking format); the harness's Kanal must allow the
     * gateway ({@code KANAL_USSD_ALLOWED_IPS} naming loopback).
     *
     * @param text every input of the session so far, joined by {@code *}
     */
    HttpResponse<String> ussd(String session, String phone, String text) throws Exception {
        return http.send(formRequest("/channels/ussd", Map.of("sessionId", session, "serviceCode", "*384*1234#",
                "phoneNumber", phone, "networkCode", "51010", "text", text)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts a form to a Twilio webhook route, signed as Twilio signs it. */
    HttpResponse<String> twilioPost(String path, Map<String, String> form) throws Exception {
        return http.send(formRequest(path, form)
                        .header("X-Twilio-Signature", TwilioSigner.sign(twilioToken, publicUrl + path, form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Sends a request built by {@link #formRequest}, as it is. */
    HttpResponse<String> http(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts a form without any signature. */
    HttpResponse<String> formPost(String path, Map<String, String> form) throws Exception {
        return http.send(formRequest(path, form).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A POST of a form to a path of this Kanal, to send (or send asynchronously) as it is. */
    HttpRequest.Builder formRequest(String path, Map<String, String> form) {
        return HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port() + path);
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
    /**
     * The foundation's conversation, on any channel: a resident greets, picks "Lapor keluhan" and then
     * "Jalan rusak" from the menus, describes a pothole and its place and confirms; every reply is
     * checked on the way and the complaint goes to Dinas PUPR. Returns its ticket.
     */
    static String fileRoadComplaintThroughTheMenus(Say resident) throws Exception {
        assertTrue(resident.say("halo").contains("1 Lapor keluhan"));
        assertTrue(resident.say("1").contains("1 Jalan rusak"));
        assertTrue(resident.say("1").contains("Tulis masalah dan lokasinya"));
        assertTrue(resident.say("Jalan berlubang besar, sudah 2 motor jatuh").contains("Di mana lokasinya"));
        assertTrue(resident.say("Jl. Merdeka No. 12, RT 03/RW 05, Sukasari").contains("Balas YA"));
        String filed = resident.say("ya");
        Matcher m = TICKET.matcher(filed);
        assertTrue(m.find(), filed);
        assertTrue(filed.contains("Dinas PUPR"), filed);
        return m.group();
    }

    static String replyText(HttpResponse<String> res) {
        Matcher m = MESSAGE.matcher(res.body());
        if (!m.find()) {
            throw new AssertionError("no <Message> in " + res.statusCode() + " " + res.body());
        }
        return m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    /** One number from the database, e.g. a COUNT(*). */
    int count(String sql) {
        return kanal.database().read(c -> Statements.first(c, sql, rs -> rs.getInt(1)).orElseThrow());
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        try {
            stop();
        } finally {
            if (twilio != null) {
                twilio.close();
            }
        }
    }
}
