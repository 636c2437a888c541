package id.kanal.app.console;

import com.fasterxml.jackson.databind.JsonNode;
import id.kanal.dialog.Channel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.ArrayList;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The console API over a real server: login, roles, CSRF, taking and answering conversations. */
class ConsoleApiTest extends ConsoleOnServer {
    private static final String RESIDENT = "+6281234500001";
    private static final String CONVERSATION = "/conversations/sms/" + RESIDENT;

    @Test
    void login_rightPassword_setsStrictHttpOnlyCookieAndGivesCsrfToken() throws Exception {
        var c = kanal.client();
        HttpResponse<String> res = c.post("/login", Map.of("username", "admin", "password", ConsoleHarness.ADMIN_PASSWORD));
        assertEquals(200, res.statusCode(), res.body());
        String cookie = res.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
        assertFalse(cookie.contains("Secure"), "no Secure over a plain-http public URL: " + cookie);
        assertEquals("admin", c.json(res).get("role").asText());
        assertFalse(c.json(res).get("csrfToken").asText().isEmpty());
        assertEquals(200, c.get("/me").statusCode());
    }

    @Test
    void login_wrongPassword_401AndNoSession() throws Exception {
        var c = kanal.client();
        HttpResponse<String> res = c.post("/login", Map.of("username", "admin", "password", "wrong-password"));
        assertEquals(401, res.statusCode());
        assertTrue(res.headers().firstValue("Set-Cookie").isEmpty());
        assertEquals(401, c.get("/queue").statusCode());
    }

    @Test
    void login_afterTheFreeTries_thePairWaits_butTheRightPasswordFromAnotherAddressGetsIn(@TempDir Path otherDir)
            throws Exception {
        // Behind a reverse proxy on loopback: every agent arrives from 127.0.0.1, told apart by X-Forwarded-For.
        try (ConsoleHarness proxied = new ConsoleHarness(otherDir, clock, Map.of("KANAL_TRUSTED_PROXIES", "127.0.0.1, ::1"))) {
            var guesser = proxied.client();
            guesser.forwardedFor = "203.0.113.5";
            for (int i = 0; i < LoginLimiter.FREE_TRIES; i++) {
                assertEquals(401, guesser.post("/login", Map.of("username", "admin", "password", "guess-" + i)).statusCode());
            }
            HttpResponse<String> limited = guesser.post("/login", Map.of("username", "admin", "password", "guess-x"));
            assertEquals(429, limited.statusCode(), limited.body());
            assertEquals(String.valueOf(LoginLimiter.FIRST_DELAY.toSeconds()), limited.headers().firstValue("Retry-After")
                    .orElseThrow());

            var agent = proxied.client();
            agent.forwardedFor = "198.51.100.7";
            assertEquals(200, agent.post("/login", Map.of("username", "admin", "password", ConsoleHarness.ADMIN_PASSWORD))
                    .statusCode(), "a guesser elsewhere cannot lock the agent out");

            clock.advance(LoginLimiter.FIRST_DELAY);
            assertEquals(401, guesser.post("/login", Map.of("username", "admin", "password", "guess-y")).statusCode());
            assertEquals(429, guesser.post("/login", Map.of("username", "admin", "password", "guess-z")).statusCode(),
                    "the next wait is longer");
        }
    }

    @Test
    void login_forwardedForFromAnUntrustedPeer_isIgnored() throws Exception {
        var guesser = kanal.client();
        for (int i = 0; i < LoginLimiter.FREE_TRIES; i++) {
            // No trusted proxies: each made-up address is still the one loopback caller.
            guesser.forwardedFor = "203.0.113." + i;
            assertEquals(401, guesser.post("/login", Map.of("username", "admin", "password", "guess-" + i)).statusCode());
        }
        guesser.forwardedFor = "203.0.113.99";
        assertEquals(429, guesser.post("/login", Map.of("username", "admin", "password", "guess")).statusCode());
    }

    @Test
    void login_failed_logsTheUsernameMasked() throws Exception {
        try (var log = new id.kanal.channels.testing.LogCapture(AuthRoutes.class)) {
            // A password typed into the username box is the usual failed "username".
            assertEquals(401, kanal.client().post("/login", Map.of("username", "correct-horse-battery", "password", "x"))
                    .statusCode());
            assertTrue(log.contains("console login failed"), log.messages().toString());
            assertFalse(log.contains("correct-horse-battery"), log.messages().toString());
        }
    }

    @Test
    void cookie_isSecure_whenThePublicUrlIsHttps(@TempDir Path otherDir) throws Exception {
        try (ConsoleHarness tls = new ConsoleHarness(otherDir, clock, Map.of("KANAL_PUBLIC_URL", "https://kanal.example.go.id"))) {
            var c = tls.client();
            HttpResponse<String> res = c.post("/login", Map.of("username", "admin", "password", ConsoleHarness.ADMIN_PASSWORD));
            assertEquals(200, res.statusCode(), res.body());
            String cookie = res.headers().firstValue("Set-Cookie").orElseThrow();
            assertTrue(cookie.contains("; Secure") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
            c.csrf = c.json(res).get("csrfToken").asText();
            String cleared = c.post("/logout", Map.of()).headers().firstValue("Set-Cookie").orElseThrow();
            assertTrue(cleared.contains("Max-Age=0") && cleared.contains("; Secure"), cleared);
        }
    }

    @Test
    void simulator_everyChannel_goesThroughTheEngine_andAHandoffReachesTheQueue() throws Exception {
        var staff = kanal.login("admin", ConsoleHarness.ADMIN_PASSWORD);
        Map<String, String> from = Map.of("sms", "081200000101", "ussd", "081200000102", "whatsapp", "081200000103",
                "telegram", "100000101");
        for (var e : from.entrySet()) {
            HttpResponse<String> res = staff.post("/simulator", Map.of("channel", e.getKey(), "from", e.getValue(),
                    "text", "petugas"));
            assertEquals(200, res.statusCode(), e.getKey() + ": " + res.body());
            assertFalse(staff.json(res).get("text").asText().isBlank(), e.getKey());
        }
        JsonNode queue = staff.json(staff.get("/queue")).get("conversations");
        assertEquals(4, queue.size(), queue.toString());
        assertEquals(java.util.Set.of("sms", "ussd", "whatsapp", "telegram"), java.util.stream.StreamSupport
                .stream(queue.spliterator(), false).map(n -> n.get("channel").asText()).collect(java.util.stream.Collectors.toSet()));
        assertEquals(400, staff.post("/simulator", Map.of("channel", "fax", "from", "0812", "text", "x")).statusCode());
        assertEquals(400, staff.post("/simulator", Map.of("channel", "sms", "from", "not a number", "text", "x")).statusCode());
    }

    @Test
    void agent_cannotManageAccounts_adminCan() throws Exception {
        var agent = kanal.createAccount("budi", Role.AGENT);
        assertEquals(403, agent.get("/accounts").statusCode());
        assertEquals(403, agent.post("/accounts", Map.of("username", "eve", "role", "admin", "password", "long-enough-1"))
                .statusCode());
        var admin = kanal.login("admin", ConsoleHarness.ADMIN_PASSWORD);
        assertEquals(201, admin.post("/accounts", Map.of("username", "siti", "role", "agent", "password", "long-enough-1"))
                .statusCode());
        assertEquals(200, kanal.login("siti", "long-enough-1").get("/queue").statusCode());
        // Neither an agent nor a supervisor may change or delete an account, their own included.
        var supervisor = kanal.createAccount("lead", Role.SUPERVISOR);
        for (var c : List.of(agent, supervisor)) {
            assertEquals(403, c.post("/accounts/siti", Map.of("role", "admin")).statusCode());
            assertEquals(403, c.post("/accounts/budi", Map.of("role", "admin")).statusCode());
            assertEquals(403, c.post("/accounts/siti", Map.of("password", "taken-over-1")).statusCode());
            assertEquals(403, c.delete("/accounts/siti").statusCode());
        }
        assertEquals(200, kanal.login("siti", "long-enough-1").get("/me").statusCode(), "siti's account is untouched");
        assertEquals("agent", agent.json(agent.get("/me")).get("role").asText());
    }

    @Test
    void csrf_missingOrWrongToken_403_rightToken_ok() throws Exception {
        var admin = kanal.login("admin", ConsoleHarness.ADMIN_PASSWORD);
        String token = admin.csrf;
        Map<String, String> body = Map.of("username", "rina", "role", "agent", "password", "long-enough-1");
        admin.csrf = null;
        assertEquals(403, admin.post("/accounts", body).statusCode());
        admin.csrf = token.substring(1) + "x";
        assertEquals(403, admin.post("/accounts", body).statusCode());
        admin.csrf = token;
        assertEquals(201, admin.post("/accounts", body).statusCode());
    }

    @Test
    void take_twoAgentsAtOnce_exactlyOneWins_theOtherIsToldWho() throws Exception {
        var a = kanal.createAccount("agent-a", Role.AGENT);
        var b = kanal.createAccount("agent-b", Role.AGENT);
        // Several rounds: one race can be won by luck of scheduling, five in a row cannot all be.
        for (int round = 0; round < 5; round++) {
            String resident = "+62812345009" + round;
            String path = "/conversations/sms/" + resident;
            kanal.resident(Channel.SMS, resident, "petugas");
            JsonNode queued = a.json(a.get(path)).get("conversation");
            assertEquals("queued", queued.get("mode").asText());
            assertEquals("asked", queued.get("reason").asText());

            CountDownLatch ready = new CountDownLatch(2);
            CountDownLatch go = new CountDownLatch(1);
            Map<String, HttpResponse<String>> answers = new ConcurrentHashMap<>();
            List<Thread> threads = new ArrayList<>();
            for (var entry : Map.of("agent-a", a, "agent-b", b).entrySet()) {
                threads.add(Thread.ofPlatform().start(() -> {
                    try {
                        ready.countDown();
                        go.await();
                        answers.put(entry.getKey(), entry.getValue().post(path + "/take", Map.of()));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            assertTrue(ready.await(10, TimeUnit.SECONDS));
            go.countDown();
            for (Thread t : threads) {
                t.join(Duration.ofSeconds(10));
            }
            assertEquals(2, answers.size(), answers.toString());
            List<String> winners = answers.entrySet().stream().filter(e -> e.getValue().statusCode() == 200)
                    .map(Map.Entry::getKey).toList();
            assertEquals(1, winners.size(), answers.toString());
            String winner = winners.getFirst();
            HttpResponse<String> loser = answers.get(winner.equals("agent-a") ? "agent-b" : "agent-a");
            assertEquals(409, loser.statusCode(), loser.body());
            assertTrue(loser.body().contains("already taken by " + winner), loser.body());
            assertEquals(winner, a.json(a.get(path)).get("conversation").get("agent").asText());
        }
    }

    @Test
    void queue_oldestFirst_withChannelReasonLanguageAndWaitingSince() throws Exception {
        kanal.resident(Channel.WHATSAPP, "+6281234500011", "petugas");
        clock.advance(Duration.ofMinutes(3));
        // Misunderstood twice, then yes to the offer of a person.
        kanal.resident(Channel.SMS, "+6281234500012", "BAHASA EN");
        for (String t : List.of("qwxz vbnm", "zzkq plmn", "1")) {
            kanal.resident(Channel.SMS, "+6281234500012", t);
        }
        var agent = kanal.createAccount("budi", Role.AGENT);
        JsonNode q = agent.json(agent.get("/queue"));
        JsonNode rows = q.get("conversations");
        assertEquals(2, rows.size(), rows.toString());
        assertEquals("whatsapp", rows.get(0).get("channel").asText(), "oldest first");
        assertEquals("asked", rows.get(0).get("reason").asText());
        assertEquals("id", rows.get(0).get("language").asText());
        assertEquals(Instant.parse("2026-11-23T03:00:00Z").toEpochMilli(), rows.get(0).get("since").asLong());
        assertEquals("sms", rows.get(1).get("channel").asText());
        assertEquals("misunderstood", rows.get(1).get("reason").asText(), rows.get(1).toString());
        assertEquals("en", rows.get(1).get("language").asText());
        assertEquals(clock.millis(), q.get("now").asLong(), "the browser computes waiting time from the server's now");
    }

    @Test
    void reply_byOwner_goesToOutboxAndTranscript_byAnotherAgent_403() throws Exception {
        kanal.resident(Channel.SMS, RESIDENT, "petugas");
        var owner = kanal.createAccount("owner", Role.AGENT);
        var other = kanal.createAccount("other", Role.AGENT);
        assertEquals(200, owner.post(CONVERSATION + "/take", Map.of()).statusCode());
        HttpResponse<String> denied = other.post(CONVERSATION + "/reply", Map.of("text", "Saya bantu"));
        assertEquals(403, denied.statusCode(), denied.body());
        assertEquals(403, other.post(CONVERSATION + "/handback", Map.of()).statusCode());
        assertEquals(403, other.post(CONVERSATION + "/transfer", Map.of("to", "admin")).statusCode());
        assertEquals("owner", other.json(other.get(CONVERSATION)).get("conversation").get("agent").asText());
        assertFalse(other.json(other.get(CONVERSATION)).get("mine").asBoolean());
        assertEquals(200, owner.post(CONVERSATION + "/reply", Map.of("text", "Halo, saya Owner dari call centre")).statusCode());

        List<Map<String, Object>> outbox = kanal.outbox(RESIDENT);
        assertEquals(1, outbox.size(), outbox.toString());
        assertEquals("sms", outbox.getFirst().get("channel"));
        assertEquals("Halo, saya Owner dari call centre", outbox.getFirst().get("body"));
        assertEquals("agent-reply", outbox.getFirst().get("kind"));
        JsonNode transcript = owner.json(owner.get(CONVERSATION)).get("transcript");
        assertTrue(transcript.toString().contains("agent:owner"), transcript.toString());
        assertEquals("", kanal.resident(Channel.SMS, RESIDENT, "terima kasih"), "the bot stays silent while an agent owns it");
    }

    @Test
    void handBack_queuesTheBotsMessageAndTheBotAnswersAgain() throws Exception {
        kanal.resident(Channel.USSD, RESIDENT, "petugas");
        var owner = kanal.createAccount("owner", Role.AGENT);
        String path = "/conversations/ussd/" + RESIDENT;
        assertEquals(200, owner.post(path + "/take", Map.of()).statusCode());
        assertEquals(200, owner.post(path + "/handback", Map.of()).statusCode());
        List<Map<String, Object>> outbox = kanal.outbox(RESIDENT);
        assertEquals(1, outbox.size());
        assertEquals("sms", outbox.getFirst().get("channel"), "a USSD session is over: the message goes by SMS");
        assertFalse(kanal.resident(Channel.USSD, RESIDENT, "menu").isEmpty());
    }

    @Test
    void complaintStatusChange_queuesTheResidentsNotification() throws Exception {
        for (String t : List.of("lapor sampah", "Jl. Merdeka 5", "Sampah tidak diangkut", "ya")) {
            kanal.resident(Channel.SMS, RESIDENT, t);
        }
        var agent = kanal.createAccount("budi", Role.AGENT);
        JsonNode list = agent.json(agent.get("/complaints?status=ASSIGNED"));
        assertEquals(1, list.size());
        String ticket = list.get(0).get("ticket").asText();
        HttpResponse<String> res = agent.post("/complaints/" + ticket + "/status",
                Map.of("status", "IN_PROGRESS", "note", "Truk dijadwalkan besok"));
        assertEquals(200, res.statusCode(), res.body());
        // Filed RECEIVED, routed ASSIGNED to the agency at once, then the agent's IN_PROGRESS.
        assertEquals(3, agent.json(res).get("history").size());
        Map<String, Object> sent = kanal.outbox(RESIDENT).getLast();
        assertEquals("status-change", sent.get("kind"));
        assertTrue(sent.get("body").toString().contains(ticket), sent.toString());
    }

    @Test
    void complaintStatusChange_refusedByTheLifecycle_is409() throws Exception {
        for (String t : List.of("lapor sampah", "Jl. Merdeka 5", "Sampah tidak diangkut", "ya")) {
            kanal.resident(Channel.SMS, RESIDENT, t);
        }
        var agent = kanal.createAccount("budi", Role.AGENT);
        String ticket = agent.json(agent.get("/complaints")).get(0).get("ticket").asText();
        HttpResponse<String> res = agent.post("/complaints/" + ticket + "/status", Map.of("status", "RECEIVED", "note", ""));
        assertEquals(409, res.statusCode(), res.body());
    }

    @Test
    void complaintDetail_offersWhatTheLifecycleAllowsNow_byTheServersClock() throws Exception {
        for (String t : List.of("lapor sampah", "Jl. Merdeka 5", "Sampah tidak diangkut", "ya")) {
            kanal.resident(Channel.SMS, RESIDENT, t);
        }
        kanal.createAccount("budi", Role.AGENT);
        var agent = kanal.login("budi", "budi-password");
        String ticket = agent.json(agent.get("/complaints")).get(0).get("ticket").asText();
        JsonNode d = agent.json(agent.get("/complaints/" + ticket));
        assertEquals(List.of("IN_PROGRESS", "RESOLVED", "REJECTED"), texts(d.get("allowedTransitions")), d.toString());
        assertEquals(List.of("REJECTED"), texts(d.get("noteRequiredFor")));
        assertTrue(d.get("reopenUntil").isNull());

        // The answer to a change carries the new choices; resolved, it may be reopened for 14 days.
        JsonNode resolved = agent.json(agent.post("/complaints/" + ticket + "/status",
                Map.of("status", "RESOLVED", "note", "Sudah diangkut")));
        assertEquals(List.of("IN_PROGRESS"), texts(resolved.get("allowedTransitions")));
        long resolvedAt = clock.millis();
        assertEquals(resolvedAt + Duration.ofDays(14).toMillis(), resolved.get("reopenUntil").asLong());

        clock.advance(Duration.ofDays(14));
        agent = kanal.login("budi", "budi-password");
        assertEquals(List.of("IN_PROGRESS"), texts(agent.json(agent.get("/complaints/" + ticket)).get("allowedTransitions")),
                "day 14: still open to reopening");
        clock.advance(Duration.ofDays(1));
        agent = kanal.login("budi", "budi-password");
        assertEquals(List.of(), texts(agent.json(agent.get("/complaints/" + ticket)).get("allowedTransitions")), "day 15");
        // A client that offers it anyway (a stale page) is still refused.
        assertEquals(409, agent.post("/complaints/" + ticket + "/status", Map.of("status", "IN_PROGRESS", "note", ""))
                .statusCode());
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void securityHeaders_onPagesAndApi() throws Exception {
        var c = kanal.client();
        for (String path : List.of("/console/index.html", "/me")) {
            HttpResponse<String> res = c.get(path);
            String csp = res.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'self'")
                    && !csp.contains("unsafe-inline"), path + ": " + csp);
            assertEquals("nosniff", res.headers().firstValue("X-Content-Type-Options").orElse(""), path);
        }
        assertTrue(c.get("/console/").body().contains("Konsol Kanal"));
        HttpResponse<String> bare = c.get("/console");
        assertEquals(301, bare.statusCode());
        assertEquals("/console/", bare.headers().firstValue("Location").orElse(""));
    }

    /**
     * A browser that has a console file asks again with its ETag: 304 with no body. Helidon's static
     * content answers that by throwing, and the error page Kanal made of it had a body, which Helidon
     * refused with a SEVERE "responded with Internal Server Error" for every cached file of every agent.
     */
    @Test
    void consoleFile_askedAgainWithItsETag_304WithoutABody() throws Exception {
        java.util.logging.Logger helidon = java.util.logging.Logger.getLogger("io.helidon.webserver.http1.Http1ServerResponse");
        List<String> severe = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler watch = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                if (r.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue()) {
                    severe.add(r.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        helidon.addHandler(watch);
        try {
            askAgainWithETags();
        } finally {
            helidon.removeHandler(watch);
        }
        assertEquals(List.of(), severe);
    }

    private void askAgainWithETags() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        for (String path : List.of("/console/i18n/id.json", "/console/app.js")) {
            HttpResponse<String> first = http.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(kanal.base() + path)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, first.statusCode(), path);
            String etag = first.headers().firstValue("ETag").orElseThrow(() -> new AssertionError(path + ": no ETag"));
            HttpResponse<String> again = http.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(kanal.base() + path)).header("If-None-Match", etag).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(304, again.statusCode(), path + ": " + again.body());
            assertEquals("", again.body(), path);
            assertEquals(etag, again.headers().firstValue("ETag").orElse(""), path);
        }
    }

    @Test
    void simulator_loggedOut_401_unlessDemo() throws Exception {
        var c = kanal.client();
        assertEquals(401, c.post("/simulator", Map.of("channel", "sms", "from", "081200000009", "text", "halo")).statusCode());
        var staff = kanal.login("admin", ConsoleHarness.ADMIN_PASSWORD);
        HttpResponse<String> res = staff.post("/simulator", Map.of("channel", "sms", "from", "081200000009", "text", "halo"));
        assertEquals(200, res.statusCode(), res.body());
        assertTrue(staff.json(res).get("text").asText().contains("1 Lapor"));
    }

    @Test
    void addAgentCommand_readsThePasswordFromStdin() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc = AddAgentCommand.run(kanal.kanal().database(), kanal.kanal().settings().console(), clock,
                new String[]{"--username", "dewi", "--role", "supervisor"},
                new ByteArrayInputStream("dewi-secret-1\n".getBytes(StandardCharsets.UTF_8)), new PrintStream(out));
        assertEquals(0, rc);
        assertEquals("supervisor", kanal.login("dewi", "dewi-secret-1").json(kanal.client()
                .post("/login", Map.of("username", "dewi", "password", "dewi-secret-1"))).get("role").asText());
    }

    @Test
    void passwords_areArgon2idHashes() {
        PasswordHasher h = new PasswordHasher(64);
        String hash = h.hash("correct horse");
        assertTrue(hash.startsWith("$argon2id$v=19$m=64,t=2,p=1$"), hash);
        assertTrue(h.verify("correct horse", hash));
        assertFalse(h.verify("correct horsE", hash));
        assertFalse(hash.equals(h.hash("correct horse")), "a random salt per hash");
    }

    @Test
    void logout_endsTheSession_andSessionsExpire() throws Exception {
        var admin = kanal.login("admin", ConsoleHarness.ADMIN_PASSWORD);
        assertEquals(200, admin.post("/logout", Map.of()).statusCode());
        assertEquals(401, admin.get("/queue").statusCode());
        var again = kanal.login("admin", ConsoleHarness.ADMIN_PASSWORD);
        clock.advance(Duration.ofHours(12).plusSeconds(1));
        assertEquals(401, again.get("/queue").statusCode());
    }

    @Test
    void transfer_movesOwnership_theNewOwnerAnswers_theOldOneCannot() throws Exception {
        kanal.resident(Channel.SMS, RESIDENT, "petugas");
        var first = kanal.createAccount("first", Role.AGENT);
        var second = kanal.createAccount("second", Role.AGENT);
        assertEquals(200, first.post(CONVERSATION + "/take", Map.of()).statusCode());
        assertEquals(200, first.post(CONVERSATION + "/transfer", Map.of("to", "second")).statusCode());
        assertEquals(403, first.post(CONVERSATION + "/reply", Map.of("text", "halo")).statusCode());
        assertEquals(200, second.post(CONVERSATION + "/reply", Map.of("text", "halo dari second")).statusCode());
        assertEquals("second", second.json(second.get(CONVERSATION)).get("conversation").get("agent").asText());
    }

    @Test
    void whatsApp_windowClosed_replyNeedsATemplate() throws Exception {
        String wa = "/conversations/whatsapp/" + RESIDENT;
        kanal.resident(Channel.WHATSAPP, RESIDENT, "petugas");
        var supervisor = kanal.createAccount("lead", Role.SUPERVISOR);
        assertEquals(201, supervisor.post("/canned", Map.of("title", "Follow-up", "body", "Kami menindaklanjuti laporan Anda",
                "template", "HX0123456789")).statusCode());
        var agent = kanal.createAccount("budi", Role.AGENT);
        assertEquals(403, agent.post("/canned", Map.of("title", "x", "body", "y")).statusCode(), "agents do not keep canned replies");
        String cannedId = agent.json(agent.get("/canned")).get(0).get("id").asText();
        assertEquals(403, agent.delete("/canned/" + cannedId).statusCode());
        assertEquals(1, agent.json(agent.get("/canned")).size(), "agents read canned replies");
        assertEquals(200, agent.post(wa + "/take", Map.of()).statusCode());
        assertTrue(agent.json(agent.get(wa)).get("limits").get("whatsappWindowOpen").asBoolean());
        clock.advance(Duration.ofHours(25));
        agent = kanal.login("budi", "budi-password"); // the 12-hour session ended meanwhile
        assertFalse(agent.json(agent.get(wa)).get("limits").get("whatsappWindowOpen").asBoolean());
        assertEquals(409, agent.post(wa + "/reply", Map.of("text", "halo")).statusCode());
        assertEquals(200, agent.post(wa + "/reply", Map.of("text", "Kami menindaklanjuti laporan Anda",
                "template", "HX0123456789")).statusCode());
    }

    @Test
    void secureCookie_whenThePublicUrlIsHttps() {
        var config = io.helidon.config.Config.empty();
        assertTrue(ConsoleSettings.create(config, "https://kanal.example.go.id").secureCookie());
        assertFalse(ConsoleSettings.create(config, "http://localhost:8080").secureCookie());
        assertTrue(ConsoleSettings.create(io.helidon.config.Config.just(io.helidon.config.ConfigSources.create(
                Map.of("demo", "true"))), "http://x").demo());
    }

    @Test
    void simulator_agentReplyToASimulatedResident_showsInItsInboxButIsNeverSent() throws Exception {
        var staff = kanal.login("admin", ConsoleHarness.ADMIN_PASSWORD);
        assertEquals(200, staff.post("/simulator", Map.of("channel", "ussd", "from", "081200000042", "text", "petugas"))
                .statusCode());
        String ussd = "/conversations/ussd/sim:+6281200000042";
        assertEquals(200, staff.post(ussd + "/take", Map.of()).statusCode());
        assertEquals(200, staff.post(ussd + "/reply", Map.of("text", "Halo dari petugas")).statusCode());
        Map<String, Object> row = kanal.outbox("sim:+6281200000042").getFirst();
        assertEquals("sms", row.get("channel"));
        assertEquals("SIMULATED", row.get("status"), "the real sender delivers only PENDING rows");
        JsonNode inbox = staff.json(staff.get("/simulator/inbox?channel=ussd&from=081200000042&after=0"));
        assertEquals("Halo dari petugas", inbox.get(0).get("body").asText());
    }

    /** Issue 13, item 1: one use of the simulator with a real number used to silence that person for good. */
    @Test
    void simulator_withARealResidentsNumber_neverSilencesNorSpeaksForThem() throws Exception {
        var staff = kanal.login("admin", ConsoleHarness.ADMIN_PASSWORD);
        assertEquals(200, kanal.sms("+6281200000077", "petugas").statusCode());
        assertEquals(200, staff.post("/simulator", Map.of("channel", "sms", "from", "081200000077", "text", "halo"))
                .statusCode());
        assertEquals(200, staff.post("/simulator", Map.of("channel", "sms", "from", "081200000077", "text", "STOP"))
                .statusCode());

        String real = "/conversations/sms/+6281200000077";
        assertEquals(200, staff.post(real + "/take", Map.of()).statusCode(), "the real conversation is still handed off");
        assertEquals(200, staff.post(real + "/reply", Map.of("text", "Halo dari petugas")).statusCode());
        Map<String, Object> row = kanal.outbox("+6281200000077").getFirst();
        assertEquals("PENDING", row.get("status"), "a real resident's reply is sent, never held as simulated");
        boolean optedOut = kanal.kanal().database().read(c -> id.kanal.store.Residents.isPersonOptedOut(c, "+6281200000077"));
        assertFalse(optedOut, "the simulator's STOP is its own resident's, not the real one's");
        assertEquals("[]", staff.get("/simulator/inbox?channel=sms&from=081200000077&after=0").body(),
                "the simulator cannot read what the real resident was sent");
    }

}
