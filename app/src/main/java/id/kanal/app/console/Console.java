package id.kanal.app.console;

import id.kanal.app.Kanal;
import id.kanal.dialog.DialogEngine;
import id.kanal.services.complaints.SqlReassignments;
import id.kanal.services.console.ConsoleComplaints;
import id.kanal.services.console.SqlConsoleComplaints;
import id.kanal.services.console.SqlComplaintPages;
import id.kanal.services.console.SqlAgencyTrends;
import id.kanal.services.console.SqlDashboard;
import id.kanal.services.console.AgencyTrends;
import id.kanal.services.console.Dashboard;
import id.kanal.services.console.RegionScope;
import id.kanal.dialog.Texts;
import id.kanal.store.Database;
import id.kanal.store.Dialect;
import id.kanal.store.console.ConversationQueue;
import id.kanal.store.console.SqlAgentRecords;
import id.kanal.store.console.SqlCannedReplies;
import id.kanal.store.console.SqlConsoleAccounts;
import id.kanal.store.console.SqlConsoleSessions;
import id.kanal.store.console.SqlConversationQueue;
import id.kanal.store.console.SqlSimulatorInbox;
import io.helidon.webserver.http.HttpService;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The agent console wired once per server from Kanal: its stores over Kanal's database, accounts,
 * sessions, the login limiter and the event bus, and each group of routes under
 * {@code /api/console} given only what it uses.
 */
final class Console {
    /** The cluster notices' topic of console events. */
    static final String EVENTS_TOPIC = "console";

    private final ConsoleEvents events;
    private final List<HttpService> routes;
    private final Optional<AutoAssigner> autoAssigner;

    private Console(ConsoleEvents events, List<HttpService> routes, Optional<AutoAssigner> autoAssigner) {
        this.events = events;
        this.routes = routes;
        this.autoAssigner = autoAssigner;
    }

    /** Builds the console, creating the first admin on a fresh database and hooking the event bus to conversations. */
    static Console create(Kanal kanal) {
        ConsoleSettings settings = kanal.settings().console();
        Clock clock = kanal.clock();
        Database db = kanal.database();
        DialogEngine engine = kanal.engine();
        DeskDirectory directory = new DeskDirectory(kanal.regions().definitions());
        DeskPolicy desks = new DeskPolicy(directory);
        Accounts accounts = new Accounts(new SqlConsoleAccounts(db), new PasswordHasher(settings.passwordMemoryKb()), clock,
                directory);
        // Nodes starting together: one creates the first admin, the others find it.
        db.exclusively("first-admin", () -> accounts.ensureFirstAdmin(settings.adminPassword()));
        ConsoleEvents events = new ConsoleEvents(event -> kanal.notices().publish(EVENTS_TOPIC, event));
        // A logout ends that session's event streams at once, however busy they are.
        Sessions sessions = new Sessions(new SqlConsoleSessions(db), clock, settings.sessionTtl(), events::sessionEnded);
        ConsoleGuard guard = new ConsoleGuard(sessions);
        ConversationQueue conversations = new SqlConversationQueue(db, clock);
        events.seed(conversations.handedOff());
        kanal.notices().subscribe(EVENTS_TOPIC, events::received, () -> events.resync(conversations.handedOff()));
        kanal.conversations().addListener(events::conversationSaved);
        ConsoleComplaints complaints = new SqlConsoleComplaints(db, clock, kanal.complaints());
        AgentActions actions = new AgentActions(new SqlAgentRecords(db), kanal.outbox(), events, clock);
        ZoneId zone = kanal.settings().dialog().zone();
        SqlCannedReplies canned = new SqlCannedReplies(db);
        Optional<AutoAssigner> autoAssigner = settings.autoAssignCap() == 0 ? Optional.empty()
                : Optional.of(new AutoAssigner(settings.autoAssignCap(), conversations, engine, actions, events, accounts,
                desks, clock));
        autoAssigner.ifPresent(a -> {
            events.onChange(a::wake);
            a.wake(); // conversations left waiting before a restart
        });
        return new Console(events, List.of(
                new AuthRoutes(guard, accounts, sessions, loginLimiter(db, clock), settings, kanal.region().name(), zone),
                new AccountRoutes(guard, accounts),
                new QueueRoutes(guard, conversations, engine, actions, events, clock, desks),
                new ConversationRoutes(guard, conversations, complaints, actions, clock, desks,
                        new CannedText(Texts.builtIn(), canned)),
                new HandoffRoutes(guard, accounts, engine, actions),
                new CannedRoutes(guard, canned, clock),
                new ComplaintRoutes(guard, complaints, events, desks),
                new DeskRoutes(guard, desks, complaints, new SqlReassignments(db, clock), events),
                new ComplaintPageRoutes(guard, new SqlComplaintPages(db, clock, ConsoleApi.ROOT + "/complaints/"), events),
                new DashboardRoutes(guard, dashboards(kanal), trends(kanal)),
                new SearchRoutes(guard, complaints, conversations, accounts, new ComplaintCsv(ConsoleTexts.load(), clock.withZone(zone)), desks),
                new SatisfactionRoutes(guard, kanal.loop().satisfaction()),
                new AlertRoutes(guard, alertDesks(kanal), kanal.outbox()),
                new SimulatorRoutes(guard, settings.demo(), new SqlSimulatorInbox(db), engine, clock),
                new PriceRoutes(guard, new id.kanal.app.admin.PriceRegions(kanal)),
                new PackRoutes(guard, kanal.packs())), autoAssigner);
    }

    /** Stops the auto-assigner's thread (the event streams end with {@link ConsoleEvents#close}). */
    void close() {
        autoAssigner.ifPresent(AutoAssigner::close);
        events.close();
    }

    /** One node counts login failures in memory; several on PostgreSQL count them in the database. */
    private static LoginLimiter loginLimiter(Database db, Clock clock) {
        return db.dialect() == Dialect.SQLITE ? new LoginLimiter(clock) : new LoginLimiter(clock, new SqlLoginCounts(db));
    }

    /** Each region's area alerts, for the desk that may send them. */
    private static AlertDesks alertDesks(Kanal kanal) {
        return new AlertDesks(kanal.regions().all().stream().flatMap(r -> kanal.loop().areaAlerts(r.code()).stream()
                .map(a -> new AlertDesks.Picked(r.code(), r.definition().name(), a))).toList(),
                kanal.regions().defaultRegion().code());
    }

    /** The dashboard of a region (its complaints, queue and messages), or of every region for none. */
    private static Function<Optional<String>, Dashboard> dashboards(Kanal kanal) {
        SqlDashboard all = new SqlDashboard(kanal.database(), kanal.clock(), kanal.settings().dialog().zone());
        return region -> region.flatMap(code -> regionScope(kanal, code))
                .<Dashboard>map(r -> all.of(r.scope(), r.zone())).orElse(all);
    }

    /** A desk's trends: its region's (every region's for a provincial desk), its agency's only for an agency desk. */
    private static Function<Desk, AgencyTrends> trends(Kanal kanal) {
        ZoneId zone = kanal.settings().dialog().zone();
        SqlAgencyTrends all = new SqlAgencyTrends(kanal.database(), kanal.clock(), zone);
        return desk -> {
            Optional<ScopedRegion> region = desk.region().flatMap(code -> regionScope(kanal, code));
            return all.of(region.map(ScopedRegion::scope), desk.agency(), region.map(ScopedRegion::zone).orElse(zone))
                    .trends(DashboardRoutes.TREND_WEEKS, DashboardRoutes.OVERDUE_SHOWN);
        };
    }

    private static Optional<ScopedRegion> regionScope(Kanal kanal, String code) {
        return kanal.regions().byCode(code).map(r -> new ScopedRegion(new RegionScope(r.code(),
                r.definition().ticketPrefix(), r == kanal.regions().defaultRegion()),
                r.zone().orElse(kanal.settings().dialog().zone())));
    }

    /** A region as the console's figures filter by it, and its time zone. */
    private record ScopedRegion(RegionScope scope, ZoneId zone) {
    }

    ConsoleEvents events() {
        return events;
    }

    List<HttpService> routes() {
        return routes;
    }
}
