package id.kanal.app.console;

import com.fasterxml.jackson.databind.JsonNode;
import id.kanal.dialog.Address;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** One conversation: read it, reply, note, hand back to the bot, transfer. */
final class ConversationRoutes implements HttpService {
    private static final System.Logger LOG = System.getLogger(ConversationRoutes.class.getName());
    private static final int MAX_TEXT = 4096;

    private final Console console;

    ConversationRoutes(Console console) {
        this.console = console;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/conversations/{channel}/{address}", ConsoleHttp.guard(this::show))
                .post("/conversations/{channel}/{address}/reply", ConsoleHttp.guard(this::reply))
                .post("/conversations/{channel}/{address}/note", ConsoleHttp.guard(this::note))
                .post("/conversations/{channel}/{address}/handback", ConsoleHttp.guard(this::handBack))
                .post("/conversations/{channel}/{address}/transfer", ConsoleHttp.guard(this::transfer));
    }

    private void show(ServerRequest req, ServerResponse res) {
        Session s = console.guard().require(req, Role.AGENT);
        Address a = ConsoleHttp.address(req);
        ConversationQueries.Row row = console.conversations().find(a)
                .orElseThrow(() -> ConsoleException.notFound("no such conversation"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("conversation", row);
        out.put("mine", "agent".equals(row.mode()) && s.username().equals(row.agent()));
        out.put("limits", console.conversations().limits(a));
        out.put("transcript", console.conversations().transcript(a));
        out.put("complaints", console.complaints().byResident(a.value()));
        out.put("now", console.kanal().clock().millis());
        ConsoleHttp.ok(res, out);
    }

    private void reply(ServerRequest req, ServerResponse res) {
        Session s = console.guard().require(req, Role.AGENT);
        Address a = ConsoleHttp.address(req);
        JsonNode body = ConsoleHttp.body(req);
        String text = limited(ConsoleHttp.text(body, "text"));
        Optional<String> template = ConsoleHttp.optText(body, "template");
        ConversationQueries.Limits limits = console.conversations().limits(a);
        if (limits.optedOut()) {
            throw ConsoleException.conflict("the resident sent STOP: Kanal may not message them");
        }
        if (Boolean.FALSE.equals(limits.whatsappWindowOpen()) && template.isEmpty()) {
            throw ConsoleException.conflict("the WhatsApp 24-hour window is closed: pick an approved template");
        }
        AgentActions.reply(console, a, s.username(), text, template);
        LOG.log(System.Logger.Level.INFO, "agent reply queued conversation={0} agent={1}", a, s.username());
        LOG.log(System.Logger.Level.DEBUG, "agent reply text={0}", text);
        ConsoleHttp.ok(res, Map.of("queued", true));
    }

    private void note(ServerRequest req, ServerResponse res) {
        Session s = console.guard().require(req, Role.AGENT);
        Address a = ConsoleHttp.address(req);
        console.conversations().find(a).orElseThrow(() -> ConsoleException.notFound("no such conversation"));
        AgentActions.note(console, a, s.username(), limited(ConsoleHttp.text(ConsoleHttp.body(req), "text")));
        ConsoleHttp.ok(res, Map.of("noted", true));
    }

    private void handBack(ServerRequest req, ServerResponse res) {
        Session s = console.guard().require(req, Role.AGENT);
        Address a = ConsoleHttp.address(req);
        String message = console.kanal().engine().handBack(a, s.username())
                .orElseThrow(() -> ConsoleException.forbidden("only the agent who owns the conversation can hand it back"));
        AgentActions.handedBack(console, a, s.username(), message);
        LOG.log(System.Logger.Level.INFO, "conversation handed back conversation={0} agent={1}", a, s.username());
        ConsoleHttp.ok(res, Map.of("handedBack", true));
    }

    private void transfer(ServerRequest req, ServerResponse res) {
        Session s = console.guard().require(req, Role.AGENT);
        Address a = ConsoleHttp.address(req);
        String to = ConsoleHttp.text(ConsoleHttp.body(req), "to");
        if (console.accounts().find(to).isEmpty()) {
            throw ConsoleException.badRequest("no such agent: " + to);
        }
        if (to.equals(s.username())) {
            throw ConsoleException.badRequest("it is already yours");
        }
        if (!console.kanal().engine().transferAgent(a, s.username(), to)) {
            throw ConsoleException.forbidden("only the agent who owns the conversation can transfer it");
        }
        AgentActions.transferred(console, a, s.username(), to);
        LOG.log(System.Logger.Level.INFO, "conversation transferred conversation={0} from={1} to={2}", a,
                s.username(), to);
        ConsoleHttp.ok(res, Map.of("transferred", to));
    }

    private static String limited(String text) {
        String t = text.strip();
        if (t.length() > MAX_TEXT) {
            throw ConsoleException.badRequest("at most " + MAX_TEXT + " characters");
        }
        return t;
    }
}
