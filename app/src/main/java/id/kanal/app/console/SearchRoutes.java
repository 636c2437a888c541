package id.kanal.app.console;

import id.kanal.dialog.Masking;
import id.kanal.services.console.ConsoleComplaints;
import id.kanal.store.console.ConversationQueue;
import id.kanal.store.console.SearchText;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.Map;
import java.util.Optional;

/**
 * The busy shift's look-ups: {@code GET /search?q=} across complaints and conversations (a ticket
 * code, a number's last digits, words), and {@code GET /complaints.csv?...}, the complaint list
 * with the filters on screen as a file. An export leaves the console, so its numbers are masked
 * unless the account is a supervisor or an admin.
 */
final class SearchRoutes implements HttpService {
    private static final System.Logger LOG = System.getLogger(SearchRoutes.class.getName());
    private static final int SEARCH_LIMIT = 50;
    /** Who sees residents' numbers in full in an export. */
    static final Role SEES_NUMBERS = Role.SUPERVISOR;

    private final ConsoleGuard guard;
    private final ConsoleComplaints complaints;
    private final ConversationQueue conversations;
    private final Accounts accounts;
    private final ComplaintCsv csv;
    private final DeskPolicy desks;

    SearchRoutes(ConsoleGuard guard, ConsoleComplaints complaints, ConversationQueue conversations, Accounts accounts,
                 ComplaintCsv csv, DeskPolicy desks) {
        this.desks = desks;
        this.guard = guard;
        this.complaints = complaints;
        this.conversations = conversations;
        this.accounts = accounts;
        this.csv = csv;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/search", this::search)
                .get("/complaints.csv", this::export);
    }

    private void search(ServerRequest req, ServerResponse res) {
        Session s = guard.require(req, Role.AGENT);
        String q = ConsoleHttp.query(req, "q");
        if (q.isBlank()) {
            throw ConsoleException.badRequest("missing query parameter: q");
        }
        SearchText text = ComplaintRoutes.search(q);
        var filter = new ConsoleComplaints.Filter(Optional.empty(), Optional.empty(), Optional.empty(), false,
                SEARCH_LIMIT, Optional.of(text));
        ConsoleHttp.ok(res, Map.of("complaints", desks.visible(s, complaints.list(desks.scope(s, filter))),
                "conversations", desks.visibleConversations(s, conversations.search(text, SEARCH_LIMIT))));
    }

    private void export(ServerRequest req, ServerResponse res) {
        Session s = guard.require(req, Role.AGENT);
        var filter = ComplaintRoutes.filter(req, ConsoleComplaints.Filter.MAX_LIMIT);
        var rows = desks.visible(s, complaints.export(desks.scope(s, filter)), ConsoleComplaints.Exported::row);
        boolean numbers = s.role().atLeast(SEES_NUMBERS);
        String body = csv.write(rows, accounts.language(s.username()), numbers);
        LOG.log(System.Logger.Level.INFO, "complaints exported by={0} rows={1} numbers={2}", s.username(), rows.size(),
                numbers ? "full" : "masked");
        LOG.log(System.Logger.Level.DEBUG, "export filter by={0} q={1}", s.username(),
                Masking.maskNumbersIn(ConsoleHttp.query(req, "q")));
        res.header(HeaderNames.CONTENT_TYPE, "text/csv; charset=UTF-8");
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        res.header(HeaderNames.CONTENT_DISPOSITION, "attachment; filename=\"" + csv.fileName() + "\"");
        res.send(body);
    }
}
