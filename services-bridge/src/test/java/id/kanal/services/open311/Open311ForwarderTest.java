package id.kanal.services.open311;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import id.kanal.dialog.GeoPoint;
import id.kanal.dialog.Media;
import id.kanal.dialog.port.ComplaintStatus;
import id.kanal.dialog.port.NewComplaint;
import id.kanal.services.complaints.HistoryEntry;
import id.kanal.services.complaints.NotificationSettings;
import id.kanal.services.complaints.RegionDefinition;
import id.kanal.services.complaints.SqlComplaintDesk;
import id.kanal.store.Database;
import id.kanal.store.testing.TestDatabase;
import id.kanal.store.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The forwarder against a fake Open311 desk on loopback that fails at first. */
@ExtendWith(TestDatabases.class)
class Open311ForwarderTest {
    private static final RegionDefinition REGION = new RegionDefinition("kota-tangerang", "Kota Tangerang", "TNG",
            List.of(new RegionDefinition.Agency("pupr", "Dinas PUPR")),
            List.of(new RegionDefinition.CategoryDefinition("jalan-rusak", "Jalan rusak", "Damaged road", "pupr",
                    List.of("jalan"), 14)));
    private static final String NUMBER = "+6281234567890";

    @TempDir
    Path dir;
    private Database db;
    private HttpServer fake;
    private final List<String> posts = Collections.synchronizedList(new ArrayList<>());
    private final List<String> gets = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger postFailures = new AtomicInteger(1);
    private volatile String remoteStatus = "open";
    /** When set, every POST gets this status and body (a refusing or a token-answering desk). */
    private volatile Integer postCode;
    private volatile String postAnswer;
    private volatile String tokenAnswer = "[{\"token\":\"tok-12345\",\"service_request_id\":null}]";
    private final List<String> tokenGets = Collections.synchronizedList(new ArrayList<>());
    private final Instant[] now = {Instant.parse("2026-11-22T03:00:00Z")};
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now[0];
        }
    };

    @BeforeEach
    void start(TestDatabase database) throws IOException {
        db = database.open(dir, 4);
        fake = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        fake.createContext("/georeport/v2/requests.json", this::handle);
        fake.createContext("/georeport/v2/tokens/", ex -> {
            tokenGets.add(ex.getRequestURI().getPath() + "?" + ex.getRequestURI().getRawQuery());
            byte[] bytes = tokenAnswer.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            ex.sendResponseHeaders(200, bytes.length);
            ex.getResponseBody().write(bytes);
            ex.close();
        });
        fake.start();
    }

    @AfterEach
    void stop() {
        fake.stop(0);
        db.close();
    }

    private void handle(HttpExchange ex) throws IOException {
        String answer;
        int code = 200;
        if (ex.getRequestMethod().equals("POST")) {
            posts.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            if (postCode != null) {
                code = postCode;
                answer = postAnswer;
            } else if (postFailures.getAndDecrement() > 0) {
                code = 500;
                answer = "[{\"code\":500,\"description\":\"database down\"}]";
            } else {
                answer = "[{\"service_request_id\":\"EXT-293944\",\"service_notice\":\"Diperiksa dalam 24 jam\","
                        + "\"account_id\":null}]";
            }
        } else {
            gets.add(ex.getRequestURI().getRawQuery());
            answer = "[{\"service_request_id\":\"EXT-293944\",\"status\":\"" + remoteStatus + "\",\"status_notes\":"
                    + ("closed".equals(remoteStatus) ? "\"Lubang sudah ditambal\"" : "null")
                    + ",\"service_name\":\"Jalan rusak\",\"service_code\":\"jalan-rusak\",\"description\":null,"
                    + "\"requested_datetime\":\"2026-11-22T10:00:00+07:00\",\"updated_datetime\":\"2026-11-22T10:00:00+07:00\"}]";
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(code, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    private static Map<String, String> form(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            out.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return out;
    }

    private List<String> outboxBodies() {
        return db.read(c -> {
            List<String> out = new ArrayList<>();
            try (var rs = c.createStatement().executeQuery("SELECT channel, address, body FROM outbox ORDER BY created_at")) {
                while (rs.next()) {
                    out.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
                }
            }
            return out;
        });
    }

    @Test
    void forwarder_failsFirstThenForwardsAndPollsClosed_residentIsNotified() {
        SqlComplaintDesk desk = SqlComplaintDesk.open(db, REGION, clock, NotificationSettings.none(), true);
        Open311Forwarder forwarder = forwarder(desk);
        String ticket = desk.file(new NewComplaint("sms:SM1", new Address(Channel.SMS, NUMBER), "jalan-rusak",
                "Jl. Merdeka 5", "Lubang besar", Optional.of(new GeoPoint(-6.1783, 106.6319)),
                List.of(new Media("https://api.twilio.com/ME1", "image/jpeg")))).ticket();

        assertEquals(0, forwarder.forwardOnce(), "the desk answers 500 first");
        assertEquals(0, forwarder.forwardOnce(), "not due again before the backoff");
        assertEquals(1, posts.size());
        now[0] = now[0].plusSeconds(30);
        assertEquals(1, forwarder.forwardOnce());
        assertEquals(2, posts.size());
        assertEquals(0, forwarder.forwardOnce(), "forwarded once only");

        Map<String, String> sent = form(posts.get(1));
        assertEquals("kanal-key", sent.get("api_key"));
        assertEquals("tangerangkota.go.id", sent.get("jurisdiction_id"));
        assertEquals("jalan-rusak", sent.get("service_code"));
        assertEquals("-6.1783", sent.get("lat"));
        assertEquals("106.6319", sent.get("long"));
        assertEquals("Jl. Merdeka 5", sent.get("address_string"));
        assertEquals(ticket + ": Lubang besar", sent.get("description"));
        // The resident's photo is Twilio's: its URL names the account and is never published (Kanal keeps a copy for staff).
        assertFalse(sent.containsKey("media_url"), sent.toString());
        assertEquals(Optional.of("EXT-293944"), desk.queries().detail(ticket).orElseThrow().externalId());

        assertEquals(1, forwarder.pollOnce(), "open: the agency works on it");
        assertEquals("service_request_id=EXT-293944&jurisdiction_id=tangerangkota.go.id", gets.getFirst());
        assertEquals(ComplaintStatus.IN_PROGRESS, desk.find(ticket).orElseThrow().status());
        assertEquals(0, forwarder.pollOnce(), "still open: no change, no second message");

        remoteStatus = "closed";
        assertEquals(1, forwarder.pollOnce());
        assertEquals(ComplaintStatus.RESOLVED, desk.find(ticket).orElseThrow().status());
        HistoryEntry last = desk.queries().detail(ticket).orElseThrow().history().getLast();
        assertEquals("open311:127.0.0.1", last.by());
        assertEquals("Lubang sudah ditambal", last.note());
        List<String> outbox = outboxBodies();
        assertEquals(2, outbox.size(), outbox.toString());
        assertTrue(outbox.get(0).startsWith("sms " + NUMBER + " Laporan TNG-000001 (Jalan rusak) sedang dikerjakan"));
        assertTrue(outbox.get(1).startsWith("sms " + NUMBER + " Laporan TNG-000001 (Jalan rusak) sudah selesai "
                + "ditangani Dinas PUPR. Catatan: Lubang sudah ditambal"), outbox.get(1));
        assertEquals(0, forwarder.pollOnce(), "closed complaints are not asked about again");
    }

    private Open311Forwarder forwarder(SqlComplaintDesk desk) {
        return new Open311Forwarder(db, desk, new Open311Client(new Open311Endpoint(
                URI.create("http://127.0.0.1:" + fake.getAddress().getPort() + "/georeport/v2"),
                Optional.of("kanal-key"), Optional.of("tangerangkota.go.id"), Duration.ofMinutes(5))), clock);
    }

    /** A forwarding desk, its forwarder, and one complaint filed there. */
    private record OneFiled(SqlComplaintDesk desk, Open311Forwarder forwarder, String ticket) {
    }

    /** One complaint filed on a forwarding desk whose Open311 server answers posts with this status and body. */
    private OneFiled fileOneAnswering(int postStatus, String postBody) {
        postCode = postStatus;
        postAnswer = postBody;
        SqlComplaintDesk desk = SqlComplaintDesk.open(db, REGION, clock, NotificationSettings.none(), true);
        return new OneFiled(desk, forwarder(desk), fileOne(desk));
    }

    private String fileOne(SqlComplaintDesk desk) {
        return desk.file(new NewComplaint("sms:SM1", new Address(Channel.SMS, NUMBER), "jalan-rusak", "Jl. Merdeka 5",
                "Lubang besar", Optional.empty(), List.of())).ticket();
    }

    private String column(String ticket, String column) {
        return db.read(c -> {
            try (var ps = c.prepareStatement("SELECT " + column + " FROM complaint WHERE ticket = ?")) {
                ps.setString(1, ticket);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
    }

    @Test
    void forwarder_deskRefuses400_keptAsFailedWithItsError_neverPostedAgain() {
        OneFiled filed = fileOneAnswering(400, "[{\"code\":400,\"description\":\"service_code jalan-rusak not found\"}]");
        Open311Forwarder forwarder = filed.forwarder();
        String ticket = filed.ticket();
        assertEquals(0, forwarder.forwardOnce());
        assertEquals("FAILED", column(ticket, "forward_state"));
        assertTrue(column(ticket, "forward_error").contains("service_code jalan-rusak not found"), column(ticket, "forward_error"));
        now[0] = now[0].plus(Duration.ofHours(2));
        forwarder.forwardOnce();
        assertEquals(1, posts.size(), "a refused request is not posted again");
    }

    @Test
    void forwarder_deskThrottles429_retriedLater() {
        OneFiled filed = fileOneAnswering(429, "[{\"code\":429,\"description\":\"slow down\"}]");
        Open311Forwarder forwarder = filed.forwarder();
        String ticket = filed.ticket();
        assertEquals(0, forwarder.forwardOnce());
        assertEquals("PENDING", column(ticket, "forward_state"));
        postCode = null;
        postFailures.set(0);
        now[0] = now[0].plusSeconds(30);
        assertEquals(1, forwarder.forwardOnce());
        assertEquals("SENT", column(ticket, "forward_state"));
    }

    @Test
    void forwarder_deskAnswersAToken_exchangedForTheIdWhenFiled_thenPolled() {
        OneFiled filed = fileOneAnswering(201, "[{\"token\":\"tok-12345\"}]");
        SqlComplaintDesk desk = filed.desk();
        Open311Forwarder forwarder = filed.forwarder();
        String ticket = filed.ticket();
        assertEquals(1, forwarder.forwardOnce());
        assertEquals("TOKEN", column(ticket, "forward_state"));
        assertEquals(0, forwarder.forwardOnce());
        assertEquals(1, posts.size(), "a token is an answer: not posted again");

        assertEquals(0, forwarder.pollOnce(), "the desk has not filed it yet");
        assertEquals(List.of("/georeport/v2/tokens/tok-12345.json?jurisdiction_id=tangerangkota.go.id"), tokenGets);
        assertEquals("TOKEN", column(ticket, "forward_state"));
        assertEquals(List.of(), gets);

        tokenAnswer = "[{\"service_request_id\":\"EXT-293944\",\"token\":\"tok-12345\"}]";
        remoteStatus = "closed";
        assertEquals(1, forwarder.pollOnce());
        assertEquals("SENT", column(ticket, "forward_state"));
        assertEquals(Optional.of("EXT-293944"), desk.queries().detail(ticket).orElseThrow().externalId());
        assertEquals(ComplaintStatus.RESOLVED, desk.find(ticket).orElseThrow().status());
        assertEquals(2, tokenGets.size());
    }

    @Test
    void forwarder_telegramPhoto_isNotSentAsMediaUrl() {
        SqlComplaintDesk desk = SqlComplaintDesk.open(db, REGION, clock, NotificationSettings.none(), true);
        postFailures.set(0);
        desk.file(new NewComplaint("tg:1", new Address(Channel.TELEGRAM, "523901877"), "jalan-rusak", "Jl. Merdeka 5",
                "Lubang", Optional.empty(), List.of(new Media("telegram-file:AgACAgUAAxkBAAIBoGc-large", "image/jpeg"))));
        assertEquals(1, forwarder(desk).forwardOnce());
        assertEquals(null, form(posts.getFirst()).get("media_url"), posts.getFirst());
    }

    @Test
    void backoff_doublesFrom30sUpToAnHour() {
        assertEquals(Duration.ofSeconds(30), Open311Forwarder.backoff(1));
        assertEquals(Duration.ofSeconds(60), Open311Forwarder.backoff(2));
        assertEquals(Duration.ofSeconds(240), Open311Forwarder.backoff(4));
        assertEquals(Duration.ofHours(1), Open311Forwarder.backoff(20));
    }
}
