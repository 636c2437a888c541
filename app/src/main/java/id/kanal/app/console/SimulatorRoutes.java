package id.kanal.app.console;

import com.fasterxml.jackson.databind.JsonNode;
import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import id.kanal.dialog.InboundMessage;
import id.kanal.dialog.PhoneNumbers;
import id.kanal.dialog.Reply;
import id.kanal.store.Residents;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The simulator: {@code POST /simulator} sends a message as a resident on any channel through
 * the same engine as the real webhooks (so it lands in the queue like any other), and
 * {@code GET /simulator/inbox} shows what Kanal later sent that resident (agent replies, status
 * news) from the outbox. Staff only, or anyone in demo mode; the inbox only opens for addresses
 * the simulator itself has used, so it cannot read a real resident's messages, and what is
 * queued for those addresses is never really sent (see {@link Simulated}).
 */
final class SimulatorRoutes implements HttpService {
    private static final String PREFIX = Simulated.PREFIX;

    private final Console console;

    SimulatorRoutes(Console console) {
        this.console = console;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/simulator", ConsoleHttp.guard(this::send))
                .get("/simulator/inbox", ConsoleHttp.guard(this::inbox));
    }

    private void allowed(ServerRequest req) {
        Optional<Session> s = console.guard().session(req);
        if (s.isPresent()) {
            if (ConsoleGuard.changesState(req)) {
                ConsoleGuard.checkCsrf(req, s.get());
            }
        } else if (!console.settings().demo()) {
            throw new ConsoleException(401, "log in first (or switch on demo mode: KANAL_DEMO=true)");
        }
    }

    private void send(ServerRequest req, ServerResponse res) {
        allowed(req);
        JsonNode body = ConsoleHttp.body(req);
        Address from = address(ConsoleHttp.text(body, "channel"), ConsoleHttp.text(body, "from"));
        String text = ConsoleHttp.optText(body, "text").orElse("");
        if (text.length() > 1600) {
            throw ConsoleException.badRequest("at most 1600 characters");
        }
        Instant now = console.kanal().clock().instant();
        if (from.channel() == Channel.WHATSAPP) {
            // The Twilio adapter records this for real WhatsApp messages: the 24-hour window opens.
            console.kanal().database().inTransaction(c -> {
                Residents.touchWhatsApp(c, from.value(), now);
                return null;
            });
        }
        Reply reply = console.kanal().engine().handle(InboundMessage.text(PREFIX + UUID.randomUUID(), from, text, now));
        ConsoleHttp.ok(res, Map.of("text", reply.text(), "endSession", reply.endSession(),
                "options", reply.options().stream().map(o -> Map.of("key", o.key(), "label", o.label())).toList(),
                "at", now.toEpochMilli()));
    }

    private void inbox(ServerRequest req, ServerResponse res) {
        allowed(req);
        Address from = address(ConsoleHttp.query(req, "channel"), ConsoleHttp.query(req, "from"));
        long after = ConsoleHttp.query(req, "after").isBlank() ? 0 : Long.parseLong(ConsoleHttp.query(req, "after"));
        Address to = AgentActions.replyAddress(from);
        List<Map<String, Object>> out = console.kanal().database().read(c -> {
            List<Map<String, Object>> rows = new ArrayList<>();
            try (PreparedStatement used = c.prepareStatement("SELECT 1 FROM inbound_message WHERE channel = ? "
                    + "AND address = ? AND provider_id LIKE '" + PREFIX + "%' LIMIT 1")) {
                used.setString(1, from.channel().id());
                used.setString(2, from.value());
                try (ResultSet rs = used.executeQuery()) {
                    if (!rs.next()) {
                        return rows;
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT id, body, kind, created_at FROM outbox WHERE channel = ? "
                    + "AND address = ? AND created_at > ? ORDER BY created_at, id")) {
                ps.setString(1, to.channel().id());
                ps.setString(2, to.value());
                ps.setLong(3, after);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(Map.of("id", rs.getString(1), "body", rs.getString(2), "kind", rs.getString(3),
                                "at", rs.getLong(4), "channel", to.channel().id()));
                    }
                }
            }
            return rows;
        });
        ConsoleHttp.ok(res, out);
    }

    private static Address address(String channel, String from) {
        Channel ch;
        try {
            ch = Channel.of(channel);
        } catch (IllegalArgumentException e) {
            throw ConsoleException.badRequest("channel must be sms, ussd, whatsapp or telegram");
        }
        if (ch == Channel.TELEGRAM) {
            if (!from.strip().matches("-?\\d{1,15}")) {
                throw ConsoleException.badRequest("a Telegram chat id is a number");
            }
            return new Address(ch, from.strip());
        }
        return new Address(ch, PhoneNumbers.normalise(from)
                .orElseThrow(() -> ConsoleException.badRequest("not a phone number: " + from)));
    }
}
