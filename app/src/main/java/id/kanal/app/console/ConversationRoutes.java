package id.kanal.app.console;

import com.fasterxml.jackson.databind.JsonNode;
import id.kanal.dialog.Address;
import id.kanal.services.console.ConsoleComplaints;
import id.kanal.store.console.ConversationQueue;
import id.kanal.store.console.ConversationSummary;
import id.kanal.store.console.ReplyLimits;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** One conversation: read it, reply, note (handing back and transferring: {@link HandoffRoutes}). */
final class ConversationRoutes implements HttpService {
    private static final System.Logger LOG = System.getLogger(ConversationRoutes.class.getName());
    private static final int MAX_TEXT = 4096;

    private final ConsoleGuard guard;
    private final ConversationQueue conversations;
    private final ConsoleComplaints complaints;
    private final AgentActions actions;
    private final Clock clock;
    private final DeskPolicy desks;
    private final CannedText canned;

    ConversationRoutes(ConsoleGuard guard, ConversationQueue conversations, ConsoleComplaints complaints,
                       AgentActions actions, Clock clock, DeskPolicy desks, CannedText canned) {
        this.guard = guard;
        this.conversations = conversations;
        this.complaints = complaints;
        this.actions = actions;
        this.clock = clock;
        this.desks = desks;
        this.canned = canned;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/conversations/{channel}/{address}", this::show)
                .post("/conversations/{channel}/{address}/reply", this::reply)
                .post("/conversations/{channel}/{address}/note", this::note);
    }

    private void show(ServerRequest req, ServerResponse res) {
        Session s = guard.require(req, Role.AGENT);
        Address a = ConsoleHttp.address(req);
        desks.checkConversation(s, a);
        ConversationSummary row = conversations.find(a)
                .orElseThrow(() -> ConsoleException.notFound("no such conversation"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("conversation", row);
        out.put("mine", "agent".equals(row.mode()) && s.username().equals(row.agent()));
        out.put("limits", conversations.limits(a));
        out.put("transcript", conversations.transcript(a));
        var theirs = desks.visible(s, complaints.byResident(a.value()));
        out.put("complaints", theirs);
        // The canned replies in the resident's language, {tiket} {status} {agen} filled in for this agent.
        out.put("canned", canned.fill(row.language(), theirs, s.username()));
        out.put("now", clock.millis());
        ConsoleHttp.ok(res, out);
    }

    private void reply(ServerRequest req, ServerResponse res) {
        Session s = guard.require(req, Role.AGENT);
        Address a = ConsoleHttp.address(req);
        desks.checkConversation(s, a);
        JsonNode body = ConsoleHttp.body(req);
        String text = limited(ConsoleHttp.text(body, "text"));
        Optional<String> template = ConsoleHttp.optText(body, "template");
        ReplyLimits limits = conversations.limits(a);
        if (limits.optedOut()) {
            throw ConsoleException.conflict("the resident sent STOP: Kanal may not message them");
        }
        if (Boolean.FALSE.equals(limits.whatsappWindowOpen()) && template.isEmpty()) {
            throw ConsoleException.conflict("the WhatsApp 24-hour window is closed: pick an approved template");
        }
        actions.reply(a, s.username(), text, template);
        LOG.log(System.Logger.Level.INFO, "agent reply queued conversation={0} agent={1}", a, s.username());
        LOG.log(System.Logger.Level.DEBUG, "agent reply text={0}", text);
        ConsoleHttp.ok(res, Map.of("queued", true));
    }

    private void note(ServerRequest req, ServerResponse res) {
        Session s = guard.require(req, Role.AGENT);
        Address a = ConsoleHttp.address(req);
        desks.checkConversation(s, a);
        conversations.find(a).orElseThrow(() -> ConsoleException.notFound("no such conversation"));
        actions.note(a, s.username(), limited(ConsoleHttp.text(ConsoleHttp.body(req), "text")));
        ConsoleHttp.ok(res, Map.of("noted", true));
    }

    private static String limited(String text) {
        String t = text.strip();
        if (t.length() > MAX_TEXT) {
            throw ConsoleException.badRequest("at most " + MAX_TEXT + " characters");
        }
        return t;
    }
}
