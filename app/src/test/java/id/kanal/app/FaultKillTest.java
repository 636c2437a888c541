package id.kanal.app;

import id.kanal.app.bench.ServerProcess;
import id.kanal.store.Database;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The standing fault suite's crash part: residents file complaints over signed SMS while the
 * server is killed with SIGKILL; after a restart, every turn that was answered is in the
 * database, no complaint exists twice, none exists without the turn that filed it, and every
 * request that was not answered completes when the provider retries it (same MessageSid).
 */
@Tag("fault")
class FaultKillTest {
    private static final Pattern TICKET = Pattern.compile("TNG-\\d{6}");
    private static final int RESIDENTS = 16;

    @TempDir
    Path dir;

    /** One webhook as Twilio would send it, and what became of it. */
    record Sent(String sid, String from, String body) {
    }

    @Test
    void killDuringComplaintFilings_losesNothingAnswered_andRetriesComplete() throws Exception {
        int answeredBeforeKill = Integer.getInteger("kanal.fault.kill.turns", 400);
        Path data = dir.resolve("data");
        Map<String, String> answered = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<Sent> unanswered = new ConcurrentLinkedQueue<>();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        int port = ServerProcess.freePort();
        try (ServerProcess first = start(data, port)) {
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger count = new AtomicInteger();
            List<Thread> residents = new ArrayList<>();
            for (int r = 0; r < RESIDENTS; r++) {
                int resident = r;
                residents.add(Thread.ofVirtual().start(() -> {
                    Complainant c = new Complainant(resident);
                    for (int n = 0; !stop.get(); n++) {
                        Sent s = new Sent("SMkill" + resident + "x" + n, c.phone(), c.next());
                        try {
                            HttpResponse<String> res = post(http, port, s);
                            if (res.statusCode() == 200) {
                                String reply = KanalHarness.replyText(res);
                                answered.put(s.sid(), reply);
                                c.heard(reply);
                                count.incrementAndGet();
                                continue;
                            }
                        } catch (Exception | AssertionError e) {
                            // the server died under this request: the provider will retry it
                        }
                        unanswered.add(s);
                        return;
                    }
                }));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (count.get() < answeredBeforeKill) {
                assertTrue(System.nanoTime() < deadline, "load did not reach " + answeredBeforeKill + " turns");
                Thread.onSpinWait();
            }
            first.kill();
            stop.set(true);
            for (Thread t : residents) {
                t.join();
            }
        }
        try (ServerProcess second = start(data, port)) {
            // Twilio retries what it never got an answer to, with the same MessageSid.
            for (Sent s : unanswered) {
                HttpResponse<String> res = post(http, port, s);
                assertEquals(200, res.statusCode(), "retry of " + s.sid() + " after the restart");
                answered.put(s.sid(), KanalHarness.replyText(res));
            }
        }
        try (Database db = Database.openSqlite(data)) {
            Set<String> turns = db.read(c -> {
                Set<String> ids = new HashSet<>();
                try (ResultSet rs = c.createStatement().executeQuery("SELECT provider_id FROM inbound_message WHERE channel = 'sms'")) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
                return ids;
            });
            Set<String> lost = new HashSet<>(answered.keySet());
            lost.removeAll(turns);
            assertEquals(Set.of(), lost, "answered turns missing after the crash");
            Map<String, String> complaints = db.read(c -> {
                Map<String, String> keyByTicket = new HashMap<>();
                try (ResultSet rs = c.createStatement().executeQuery("SELECT ticket, idempotency_key FROM complaint")) {
                    while (rs.next()) {
                        keyByTicket.put(rs.getString(1), rs.getString(2));
                    }
                }
                return keyByTicket;
            });
            assertTrue(complaints.size() >= RESIDENTS / 2, "the load filed too few complaints to judge: " + complaints.size());
            Set<String> withoutTurn = new HashSet<>();
            complaints.forEach((ticket, key) -> {
                if (!turns.contains(key.substring(key.indexOf(':') + 1))) {
                    withoutTurn.add(ticket);
                }
            });
            assertEquals(Set.of(), withoutTurn, "complaints whose filing turn is not in the database");
            List<String> duplicates = db.read(c -> {
                List<String> out = new ArrayList<>();
                try (ResultSet rs = c.createStatement().executeQuery("SELECT reporter_address, description, COUNT(*) "
                        + "FROM complaint GROUP BY reporter_address, description HAVING COUNT(*) > 1")) {
                    while (rs.next()) {
                        out.add(rs.getString(1) + " " + rs.getString(2) + " x" + rs.getInt(3));
                    }
                }
                return out;
            });
            assertEquals(List.of(), duplicates, "complaints filed twice");
            System.out.printf("fault kill: %d turns answered, %d in flight at SIGKILL and retried, %d complaints, "
                    + "0 lost, 0 duplicated, 0 without their turn%n", answered.size() - unanswered.size(), unanswered.size(),
                    complaints.size());
            for (String reply : answered.values()) {
                Matcher m = TICKET.matcher(reply);
                if (filed(reply) && m.find()) {
                    assertTrue(complaints.containsKey(m.group()), "answered ticket " + m.group() + " is missing");
                }
            }
        }
    }

    /** The receipt: it names the ticket and how to ask about it ("Cek: STATUS TNG-000123"). */
    private static boolean filed(String reply) {
        return reply.contains("STATUS TNG-");
    }

    private static ServerProcess start(Path data, int port) throws Exception {
        return ServerProcess.start("id.kanal.app.Main", List.of("serve"), Map.of("KANAL_PORT", String.valueOf(port),
                "KANAL_DATA_DIR", data.toString(), "KANAL_PUBLIC_URL", KanalHarness.PUBLIC_URL,
                "KANAL_TWILIO_AUTH_TOKEN", KanalHarness.TOKEN), data.resolveSibling("server-" + port + "-"
                + System.nanoTime() + ".log"), port);
    }

    private static HttpResponse<String> post(HttpClient http, int port, Sent s) throws Exception {
        Map<String, String> form = KanalHarness.smsForm(s.sid(), s.from(), s.body());
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/channels/sms"))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", KanalHarness.smsSignature(form))
                .POST(HttpRequest.BodyPublishers.ofString(KanalHarness.encode(form))).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A resident filing complaint after complaint, answering what Kanal asks: a place and a
     * description when asked, YA at the summary. Each complaint names its own street, so two
     * tickets with the same description and reporter can only be a duplicate filing.
     */
    private static final class Complainant {
        private final int resident;
        private int complaint;
        private int turnsInThisComplaint;
        private String lastReply = "";

        Complainant(int resident) {
            this.resident = resident;
        }

        String phone() {
            return String.format("+62812%07d", resident);
        }

        void heard(String reply) {
            lastReply = reply;
            if (filed(reply)) {
                complaint++;
                turnsInThisComplaint = 0;
            }
        }

        String next() {
            turnsInThisComplaint++;
            String place = "Jl. Merdeka " + resident + " gang " + complaint;
            if (turnsInThisComplaint > 8) {
                // Lost in the flow: start again (a stuck turn is not what this test is about).
                turnsInThisComplaint = 0;
                complaint++;
                return "BATAL";
            }
            if (turnsInThisComplaint == 1 || filed(lastReply)) {
                return "sampah numpuk di " + place + " udah seminggu";
            }
            if (lastReply.contains("YA")) {
                return "ya";
            }
            return place + ", sampah menumpuk sudah seminggu";
        }
    }
}
