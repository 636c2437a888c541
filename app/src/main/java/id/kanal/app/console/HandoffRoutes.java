package id.kanal.app.console;

import id.kanal.dialog.Address;
import id.kanal.dialog.DialogEngine;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.Map;

/** An agent's conversation changes hands: back to the bot, or to another agent. */
final class HandoffRoutes implements HttpService {
    private static final System.Logger LOG = System.getLogger(HandoffRoutes.class.getName());

    private final ConsoleGuard guard;
    private final Accounts accounts;
    private final DialogEngine engine;
    private final AgentActions actions;

    HandoffRoutes(ConsoleGuard guard, Accounts accounts, DialogEngine engine, AgentActions actions) {
        this.guard = guard;
        this.accounts = accounts;
        this.engine = engine;
        this.actions = actions;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/conversations/{channel}/{address}/handback", this::handBack)
                .post("/conversations/{channel}/{address}/transfer", this::transfer);
    }

    private void handBack(ServerRequest req, ServerResponse res) {
        Session s = guard.require(req, Role.AGENT);
        Address a = ConsoleHttp.address(req);
        String message = engine.handBack(a, s.username())
                .orElseThrow(() -> ConsoleException.forbidden("only the agent who owns the conversation can hand it back"));
        actions.handedBack(a, s.username(), message);
        LOG.log(System.Logger.Level.INFO, "conversation handed back conversation={0} agent={1}", a, s.username());
        ConsoleHttp.ok(res, Map.of("handedBack", true));
    }

    private void transfer(ServerRequest req, ServerResponse res) {
        Session s = guard.require(req, Role.AGENT);
        Address a = ConsoleHttp.address(req);
        String to = ConsoleHttp.text(ConsoleHttp.body(req), "to");
        if (accounts.find(to).isEmpty()) {
            throw ConsoleException.badRequest("no such agent: " + to);
        }
        if (to.equals(s.username())) {
            throw ConsoleException.badRequest("it is already yours");
        }
        if (!engine.transferAgent(a, s.username(), to)) {
            throw ConsoleException.forbidden("only the agent who owns the conversation can transfer it");
        }
        actions.transferred(a, s.username(), to);
        LOG.log(System.Logger.Level.INFO, "conversation transferred conversation={0} from={1} to={2}", a,
                s.username(), to);
        ConsoleHttp.ok(res, Map.of("transferred", to));
    }
}
