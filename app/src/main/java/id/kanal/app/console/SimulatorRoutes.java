package id.kanal.app.console;

import com.fasterxml.jackson.databind.JsonNode;
import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import id.kanal.dialog.InboundHandler;
import id.kanal.dialog.InboundMessage;
import id.kanal.dialog.PhoneNumbers;
import id.kanal.dialog.Reply;
import id.kanal.store.console.SimulatorInbox;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The simulator: {@code POST /simulator} sends a message as a resident on any channel through
 * the same engine as the real webhooks (so it lands in the queue like any other), and
 * {@code GET /simulator/inbox} shows what Kanal later sent that resident (agent replies, status
 * news) from the outbox. Staff only, or anyone in demo mode. The number or chat id typed in
 * names a simulated resident ({@link Address#simulated}): its own conversation, opt-out and
 * complaints, never the real resident's at that number; the inbox opens only for those, and
 * what is queued for them is never really sent.
 */
final class SimulatorRoutes implements HttpService {
    /** Provider ids of simulated messages: unique, and telling in the transcript (nothing decides on them). */
    private static final String PREFIX = "sim-";

    private final ConsoleGuard guard;
    private final boolean demo;
    private final SimulatorInbox inbox;
    private final InboundHandler engine;
    private final Clock clock;

    /** @param demo whether anyone may use the simulator without logging in */
    SimulatorRoutes(ConsoleGuard guard, boolean demo, SimulatorInbox inbox, InboundHandler engine, Clock clock) {
        this.guard = guard;
        this.demo = demo;
        this.inbox = inbox;
        this.engine = engine;
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/simulator", this::send)
                .get("/simulator/inbox", this::inbox);
    }

    private void allowed(ServerRequest req) {
        Optional<Session> s = guard.session(req);
        if (s.isPresent()) {
            if (ConsoleGuard.changesState(req)) {
                ConsoleGuard.checkCsrf(req, s.get());
            }
        } else if (!demo) {
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
        Instant now = clock.instant();
        if (from.channel() == Channel.WHATSAPP) {
            // The Twilio adapter records this for real WhatsApp messages: the 24-hour window opens.
            inbox.whatsAppInbound(from.value(), now);
        }
        Reply reply = engine.handle(InboundMessage.text(PREFIX + UUID.randomUUID(), from, text, now));
        ConsoleHttp.ok(res, Map.of("text", reply.text(), "endSession", reply.endSession(),
                "options", reply.options().stream().map(o -> Map.of("key", o.key(), "label", o.label())).toList(),
                "at", now.toEpochMilli()));
    }

    private void inbox(ServerRequest req, ServerResponse res) {
        allowed(req);
        Address from = address(ConsoleHttp.query(req, "channel"), ConsoleHttp.query(req, "from"));
        long after = ConsoleHttp.query(req, "after").isBlank() ? 0 : Long.parseLong(ConsoleHttp.query(req, "after"));
        Address to = AgentActions.replyAddress(from);
        ConsoleHttp.ok(res, inbox.sentTo(from, to, after));
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
            return Address.simulated(ch, from.strip());
        }
        return Address.simulated(ch, PhoneNumbers.normalise(from)
                .orElseThrow(() -> ConsoleException.badRequest("not a phone number: " + from)));
    }
}
