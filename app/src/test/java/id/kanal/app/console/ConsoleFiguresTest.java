package id.kanal.app.console;

import com.fasterxml.jackson.databind.JsonNode;
import id.kanal.dialog.Channel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the console counts: the complaint list's filters and the dashboard's figures, against a moving clock. */
class ConsoleFiguresTest extends ConsoleOnServer {
    /** Sunday 10:00 in Tangerang (UTC+7): the week of the dashboard starts the next day. */
    private static final Instant SUNDAY = Instant.parse("2026-11-22T03:00:00Z");

    private ConsoleHarness.Client agent;

    ConsoleFiguresTest() {
        // The clock moves days on: the agent's login must outlast it.
        super(SUNDAY, Map.of("kanal.console.session-ttl", "P30D"));
    }

    @BeforeEach
    void start() throws Exception {
        agent = kanal.createAccount("budi", Role.AGENT);
    }

    @Test
    void complaintFilters_statusCategoryAgencyOverdue() throws Exception {
        String rubbish = file("+6281234500001", "lapor sampah", "Jl. Merdeka 5", "Sampah tidak diangkut");
        String road = file("+6281234500002", "lapor jalan berlubang", "Jl. Daan Mogot", "Lubang besar");
        assertEquals(List.of(road, rubbish), tickets("/complaints"), "newest first");
        assertEquals(List.of(rubbish), tickets("/complaints?category=sampah"));
        assertEquals(List.of(road), tickets("/complaints?agency=pupr"));
        assertEquals(List.of(road, rubbish), tickets("/complaints?status=ASSIGNED"));
        assertEquals(List.of(), tickets("/complaints?status=RESOLVED"));
        assertEquals(List.of(), tickets("/complaints?overdue=true"));

        // Rubbish is due in 3 days, a road in 14: four days on, only the rubbish is overdue.
        clock.advance(Duration.ofDays(4));
        assertEquals(List.of(rubbish), tickets("/complaints?overdue=true"));
        assertEquals(List.of(), tickets("/complaints?overdue=true&agency=pupr"));
        // A resolved complaint is no longer overdue, however late.
        status(rubbish, "IN_PROGRESS");
        status(rubbish, "RESOLVED");
        assertEquals(List.of(), tickets("/complaints?overdue=true"));
        assertEquals(List.of(rubbish), tickets("/complaints?status=RESOLVED"));
        assertEquals(400, agent.get("/complaints?status=LOST").statusCode());
    }

    @Test
    void dashboard_countsByStatusCategoryAgencyAndChannel_todayAndThisWeek_medians() throws Exception {
        kanal.resident(Channel.WHATSAPP, "+6281234500009", "halo"); // Sunday: last week
        clock.advance(Duration.ofDays(1)); // Monday 10:00
        String rubbish = file("+6281234500001", "lapor sampah", "Jl. Merdeka 5", "Sampah tidak diangkut"); // 4 SMS
        file("+6281234500002", "lapor jalan berlubang", "Jl. Daan Mogot", "Lubang besar"); // 4 SMS
        // Two handoffs: first agent answers after 3 and 5 minutes of waiting.
        handoff(Channel.TELEGRAM, "100000001", Duration.ofMinutes(3));
        clock.advance(Duration.ofHours(1));
        handoff(Channel.TELEGRAM, "100000002", Duration.ofMinutes(5));
        clock.advance(Duration.ofDays(1)); // Tuesday
        kanal.resident(Channel.USSD, "+6281234500003", "");
        status(rubbish, "IN_PROGRESS");
        status(rubbish, "RESOLVED");

        JsonNode d = agent.json(agent.get("/dashboard"));
        assertEquals(Map.of("ussd", 1L), counts(d.get("today")));
        assertEquals(Map.of("sms", 8L, "telegram", 4L, "ussd", 1L), counts(d.get("week")), "Sunday is last week");
        assertEquals(Map.of("ASSIGNED", 1L, "RESOLVED", 1L), counts(d.get("byStatus")));
        Map<String, Long> byCategory = counts(d.get("byCategory"));
        assertEquals(1L, byCategory.get("sampah"));
        assertEquals(1L, byCategory.get("jalan-rusak"));
        assertEquals(0L, byCategory.get("banjir-drainase"), "every category is listed, zeros included");
        Map<String, Long> byAgency = counts(d.get("byAgency"));
        assertEquals(1L, byAgency.get("dlh"));
        assertEquals(1L, byAgency.get("pupr"));
        assertEquals(0L, byAgency.get("dinkes"));
        assertEquals(4.0, d.get("medianFirstAnswerMinutes").asDouble(), "median of 3 and 5 minutes");
        // Filed Monday 10:00, resolved Tuesday 11:12: 25 h 12 min.
        assertEquals(25.2, d.get("medianResolutionHours").asDouble());
        assertEquals(0, d.get("waiting").asInt());
        assertEquals(2, d.get("withAgents").asInt());
    }

    /** A resident asks for a person; after {@code wait} an agent takes it and answers at once. */
    private void handoff(Channel channel, String address, Duration wait) throws Exception {
        kanal.resident(channel, address, "petugas");
        kanal.resident(channel, address, "Saya mau tanya soal KTP");
        clock.advance(wait);
        String path = "/conversations/" + channel.id() + "/" + address;
        assertEquals(200, agent.post(path + "/take", Map.of()).statusCode());
        assertEquals(200, agent.post(path + "/reply", Map.of("text", "Halo, saya Budi")).statusCode());
        clock.advance(Duration.ofMinutes(1));
        assertEquals(200, agent.post(path + "/reply", Map.of("text", "Ada lagi?")).statusCode());
    }

    private String file(String from, String... texts) throws Exception {
        List<String> before = tickets("/complaints");
        for (String t : texts) {
            kanal.resident(Channel.SMS, from, t);
        }
        kanal.resident(Channel.SMS, from, "ya");
        List<String> after = tickets("/complaints");
        assertEquals(before.size() + 1, after.size(), "one complaint filed by " + from);
        return after.getFirst();
    }

    private void status(String ticket, String status) throws Exception {
        clock.advance(Duration.ofMinutes(1));
        assertEquals(200, agent.post("/complaints/" + ticket + "/status", Map.of("status", status, "note", ""))
                .statusCode());
    }

    private List<String> tickets(String path) throws Exception {
        return agent.tickets(path);
    }

    private static Map<String, Long> counts(JsonNode list) {
        Map<String, Long> out = new HashMap<>();
        list.forEach(n -> out.put(n.get("key").asText(), n.get("count").asLong()));
        return out;
    }
}
