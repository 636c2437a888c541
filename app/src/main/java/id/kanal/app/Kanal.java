package id.kanal.app;

import id.kanal.app.packs.PackImporter;
import id.kanal.app.packs.PackSeeds;
import id.kanal.app.packs.SqlContentPacks;
import id.kanal.dialog.DialogEngine;
import id.kanal.dialog.DialogServices;
import id.kanal.dialog.DialogSettings;
import id.kanal.intents.LiveVocabulary;
import id.kanal.intents.OpenNlpIntentClassifier;
import id.kanal.intents.Vocabulary;
import id.kanal.dialog.Texts;
import id.kanal.services.DemoData;
import id.kanal.services.complaints.RegionDefinition;
import id.kanal.services.complaints.SqlComplaintDesk;
import id.kanal.services.prices.CommodityCatalog;
import id.kanal.services.prices.PriceImporter;
import id.kanal.services.prices.SqlPriceBoard;
import id.kanal.services.timetable.GtfsImporter;
import id.kanal.services.timetable.GtfsTimetable;
import id.kanal.services.complaints.NotificationSettings;
import id.kanal.services.complaints.RegionDefinition;
import id.kanal.services.complaints.SqlComplaintDesk;
import id.kanal.services.open311.Open311Client;
import id.kanal.services.open311.Open311Endpoint;
import id.kanal.services.open311.Open311Forwarder;
import id.kanal.services.complaints.PhotoFetcher;
import id.kanal.store.ClusterNotices;
import id.kanal.store.Database;
import id.kanal.store.Dialect;
import id.kanal.store.LeasedJobs;
import id.kanal.store.PostgresTurnLocks;
import id.kanal.channels.ExclusiveJobs;
import id.kanal.dialog.SenderLocks;
import id.kanal.dialog.port.TurnLocks;
import id.kanal.store.SqlConversationStore;
import id.kanal.store.SqlOutboxQueue;
import id.kanal.store.SqlResidentRegistry;
import id.kanal.channels.ChannelContext;
import id.kanal.channels.smpp.SmppLedger;
import id.kanal.channels.outbox.HeldReplies;
import id.kanal.channels.outbox.OutboxHeldReplies;
import id.kanal.channels.ussd.PendingUssdTurns;
import id.kanal.store.ussd.SqlUssdPendingTurns;
import id.kanal.channels.ChannelType;
import id.kanal.channels.outbox.OutboxPolicy;
import id.kanal.channels.outbox.OutboxSender;
import id.kanal.channels.outbox.ArrivalTimes;
import id.kanal.channels.outbox.SenderIdentities;
import id.kanal.channels.telegram.TelegramLinks;
import id.kanal.channels.telegram.TelegramRegionBots;
import id.kanal.channels.ussd.QueuedReceipts;
import id.kanal.channels.ussd.UssdResidents;
import id.kanal.channels.ussd.UssdSessions;
import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import id.kanal.store.ussd.SqlUssdSessions;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Kanal wired together, without the HTTP server: the database, the services behind the dialog's
 * ports, and the dialog engine. The server and the command line ({@code chat}) share it.
 */
public final class Kanal implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Kanal.class.getName());

    private final Settings settings;
    private final Clock clock;
    private final Database database;
    private final Regions regions;
    private final RegionDefinition region;
    private final SqlComplaintDesk complaints;
    private final Optional<Open311Forwarder> open311Forwarder;
    private final SqlConversationStore conversations;
    private final SqlPriceBoard prices;
    private final GtfsTimetable timetable;
    private final LiveVocabulary vocabulary;
    private final SqlContentPacks packs;
    /** Every region's packs (the default's first), reloaded after an import. */
    private final List<SqlContentPacks> regionPacks = new java.util.ArrayList<>();
    private final List<SqlComplaintDesk> regionDesks = new java.util.ArrayList<>();
    private final RegionRouter router;
    /** Every region's timetable (its own GTFS feeds), by region code. */
    private final Map<String, GtfsTimetable> timetables = new java.util.LinkedHashMap<>();
    /** Every region's price board (its own prices), by region code. */
    private final Map<String, SqlPriceBoard> priceBoards = new java.util.LinkedHashMap<>();
    private final OpenNlpIntentClassifier classifier;
    private final DialogEngine engine;
    private final SqlResidentRegistry residents;
    private final SqlOutboxQueue outboxQueue;
    private final OutboxSender outbox;
    private final Channels channels;
    private final ResidentLoop loop;
    private final PhotoFetcher photoFetcher;
    private final ClusterNotices notices;
    private final LeasedJobs jobs;
    private final TurnLocks turnLocks;

    private Kanal(Settings settings, Clock clock, Database database, Regions regions,
                  List<ChannelType<?>> channelTypes) {
        this.settings = settings;
        this.clock = clock;
        this.database = database;
        this.regions = regions;
        Region home = regions.defaultRegion();
        this.region = home.definition();
        ComplaintSettings cs = settings.complaints();
        NotificationSettings notifications = new NotificationSettings(cs.whatsAppStatusTemplateSid(),
                cs.whatsAppFeedbackTemplateSid());
        this.complaints = SqlComplaintDesk.open(database, region, clock, notifications, cs.open311Endpoint().isPresent());
        regionDesks.add(complaints);
        this.open311Forwarder = cs.open311Endpoint().map(url -> new Open311Forwarder(database, complaints,
                new Open311Client(new Open311Endpoint(url, cs.open311ClientApiKey(), cs.open311Jurisdiction(),
                        cs.open311PollInterval())), clock));
        this.conversations = new SqlConversationStore(database, settings.dialog().conversationCacheSize());
        this.residents = new SqlResidentRegistry(database);
        this.prices = priceBoard(home);
        priceBoards.put(region.code(), prices);
        this.timetable = GtfsTimetable.load(database, region.code());
        timetables.put(region.code(), timetable);
        // Nodes starting together on a fresh database: one seeds, the others then find the data there.
        DemoData.Seeded seeded = database.exclusively("demo-seeding", () -> {
            timetable.refresh(database);
            return DemoData.seedIfEmpty(database, prices, timetable, clock);
        });
        if (seeded.prices().isPresent() || seeded.timetable().isPresent()) {
            LOG.log(System.Logger.Level.INFO, "first start: demo prices and timetable loaded (made-up figures)");
        }
        this.loop = new ResidentLoop(database, prices, settings.alerts(), clock);
        loop.checkPrices(); // marks today's prices, so the next import alerts only on a real move
        this.packs = new SqlContentPacks(database, region.code(), clock);
        regionPacks.add(packs);
        PackSeeds.seedMissing(packImporter(), packs, region.code(), home.packs());
        // The classifier's entity names come from the services, so an imported feed is understood at once.
        this.vocabulary = LiveVocabulary.from(Optional.of(prices), Optional.of(complaints), Vocabulary.tangerang());
        // Content packs' sentences are learned at start: a pack imported later is in the menu at once, understood after a restart.
        this.classifier = OpenNlpIntentClassifier.create(settings.intents(), vocabulary, Optional.of(timetable),
                packs.training());
        this.notices = ClusterNotices.open(database);
        this.jobs = new LeasedJobs(database, clock, LeasedJobs.DEFAULT_LEASE);
        this.turnLocks = database.dialect() == Dialect.SQLITE ? new SenderLocks(1024)
                : new PostgresTurnLocks(database, conversations, database.poolSize());
        notices.subscribe(IMPORTS, this::imported, this::reloadImports);
        this.engine = new DialogEngine(dialogSettings(home), Texts.builtIn().reworded(home.wording()),
                new DialogServices(conversations, residents,
                        classifier, complaints, prices, timetable, packs),
                loop.dialog(), clock, turnLocks);
        this.router = new RegionRouter(regions, regionEngines(notifications));
        this.outboxQueue = new SqlOutboxQueue(database);
        this.channels = Channels.create(channelTypes, settings.channels(), channelContext());
        try {
            // Several nodes send under one provider limit: on PostgreSQL the rates are counted in the database.
            this.outbox = new OutboxSender(outboxQueue, residents, channels.senders(),
                    OutboxPolicy.defaults(channels.limits()), clock, database.dialect() == Dialect.SQLITE
                            ? ArrivalTimes.inMemory() : new SqlArrivalTimes(database));
        } catch (RuntimeException e) {
            // Two channels sending or limiting one Channel: a wiring mistake, found before anything runs.
            channels.close();
            throw e;
        }
        this.photoFetcher = new PhotoFetcher(database, channels.mediaDownloaders(), cs.photoMaxBytes(), clock);
        regionDesks.forEach(desk -> desk.onPhotosFiled(photoFetcher::wake));
    }

    /**
     * The default region's engine and one per other region, each over its own complaint desk
     * (categories, ticket prefix), content packs, price board and timetable; the conversation
     * store, residents, classifier and the resident loop are shared. Their turn locks are the
     * default engine's, so the console, which acts through that engine, is ordered against every
     * region's turns.
     */
    private Map<String, DialogEngine> regionEngines(NotificationSettings notifications) {
        Map<String, DialogEngine> engines = new java.util.LinkedHashMap<>();
        engines.put(region.code(), engine);
        for (Region r : regions.all().subList(1, regions.all().size())) {
            SqlComplaintDesk desk = SqlComplaintDesk.open(database, r.definition(), clock, notifications, false);
            regionDesks.add(desk);
            SqlContentPacks rp = new SqlContentPacks(database, r.code(), clock);
            regionPacks.add(rp);
            PackSeeds.seedMissing(packImporter(), rp, r.code(), r.packs());
            GtfsTimetable rt = GtfsTimetable.load(database, r.code());
            timetables.put(r.code(), rt);
            SqlPriceBoard rb = priceBoard(r);
            priceBoards.put(r.code(), rb);
            engines.put(r.code(), new DialogEngine(dialogSettings(r), Texts.builtIn().reworded(r.wording()),
                    new DialogServices(conversations, residents, classifier, desk, rb, rt, rp),
                    loop.dialog(), clock, turnLocks));
        }
        return engines;
    }

    private SqlPriceBoard priceBoard(Region r) {
        return new SqlPriceBoard(database, CommodityCatalog.builtIn(), clock, settings.dialog().priceStaleAfterDays(),
                r.zone().orElse(settings.dialog().zone()), r.code());
    }

    private DialogSettings dialogSettings(Region r) {
        ConversationSettings d = settings.dialog();
        return new DialogSettings(r.definition().name(), r.definition().ticketPrefix(), d.idleTimeout(),
                r.zone().orElse(d.zone()), r.agentHours().orElse(d.agentHours()), d.priceStaleAfterDays());
    }

    /** The dialog's ports the channels use, and the stores they own the interfaces of, over the database. */
    private ChannelContext channelContext() {
        return new ChannelContext(router, m -> outboxQueue.enqueue(m, clock.instant()), outboxQueue, residents,
                conversations, settings.server().baseUrl(), clock, Map.of(
                        TelegramLinks.class, (TelegramLinks) (e164, chat) -> residents.linkTelegramChat(e164, chat,
                                clock.instant()),
                        UssdSessions.class, new StoredUssdSessions(new SqlUssdSessions(database)),
                        PendingUssdTurns.class, new StoredPendingUssdTurns(new SqlUssdPendingTurns(database), clock),
                        // The outbox sender is made after the channels: the lambda reads it when a reply is due.
                        HeldReplies.class, new OutboxHeldReplies(outboxQueue, outboxQueue::hold, TELEGRAM_REPLY_LEASE,
                                () -> outbox.wake()),
                        SmppLedger.class, new SqlSmppLedger(database, () -> outbox.wake()),
                        SenderIdentities.class, (SenderIdentities) regions::senderOf,
                        TelegramRegionBots.class, regions.telegramBots(),
                        UssdResidents.class, (UssdResidents) (phone, code) ->
                                regions.residentOn(new Address(Channel.USSD, phone), code),
                        QueuedReceipts.class, (QueuedReceipts) complaints.queries()::filedInTurn,
                        ExclusiveJobs.class, (ExclusiveJobs) jobs::register));
    }

    /** The topic on which a node tells the others that it imported prices or a timetable. */
    static final String IMPORTS = "imports";
    static final String PRICES_IMPORTED = "prices";
    static final String GTFS_IMPORTED = "gtfs";

    /** Another node imported: drop what this one cached of it. */
    private void imported(String what) {
        LOG.log(System.Logger.Level.INFO, "import on another node: {0} reloaded here", what);
        switch (what) {
            case PRICES_IMPORTED -> {
                priceBoards.values().forEach(SqlPriceBoard::invalidate);
                vocabulary.refresh();
            }
            case GTFS_IMPORTED -> timetables.values().forEach(t -> t.refresh(database));
            default -> reloadImports();
        }
    }

    /** After missing notices (the listening connection was down): reload both. */
    private void reloadImports() {
        priceBoards.values().forEach(SqlPriceBoard::invalidate);
        timetables.values().forEach(t -> t.refresh(database));
        vocabulary.refresh();
    }

    /**
     * How long the bot's claim on a held Telegram reply lasts: past its direct send's longest calls
     * (answering the button, then sendMessage, 15 s each at most), so the outbox never sends a
     * second copy; after a crash the reply follows within this.
     */
    static final java.time.Duration TELEGRAM_REPLY_LEASE = java.time.Duration.ofSeconds(45);

    /** Opens the database (migrating it) and wires the services. */
    public static Kanal open(Settings settings, Clock clock) {
        return open(settings, clock, ChannelRegistry.ALL);
    }

    /** The same with other channel types than {@link ChannelRegistry#ALL} (tests add their own). */
    static Kanal open(Settings settings, Clock clock, List<ChannelType<?>> channelTypes) {
        Regions regions = RegionFiles.loadAll(settings.regionFile(), settings.regionsDir(), settings.environment());
        Database db = settings.store().dbUrl().map(url -> Database.open(url, settings.store().pool()))
                .orElseGet(() -> Database.openSqlite(settings.store().dataDir()));
        try {
            Kanal kanal = new Kanal(settings, clock, db, regions, channelTypes);
            LOG.log(System.Logger.Level.INFO, "regions: {0}; database={1}", regions.describe(), db.dialect());
            return kanal;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    public Settings settings() {
        return settings;
    }

    public Clock clock() {
        return clock;
    }

    public Database database() {
        return database;
    }

    /** The default region (the home one, which takes every message no region claims). */
    public RegionDefinition region() {
        return region;
    }

    /** Every region of the deployment, the default first. */
    public Regions regions() {
        return regions;
    }

    /** The complaint desk of a region of this deployment. */
    public Optional<SqlComplaintDesk> complaintsOf(String regionCode) {
        return regionDesks.stream().filter(d -> d.regionCode().equals(regionCode)).findFirst();
    }

    public SqlComplaintDesk complaints() {
        return complaints;
    }

    /** Forwarding to the region's external Open311 desk, when one is configured; the server starts and stops it. */
    public Optional<Open311Forwarder> open311Forwarder() {
        return open311Forwarder;
    }

    public SqlConversationStore conversations() {
        return conversations;
    }

    public DialogEngine engine() {
        return engine;
    }

    public OpenNlpIntentClassifier classifier() {
        return classifier;
    }

    public SqlPriceBoard prices() {
        return prices;
    }

    public GtfsTimetable timetable() {
        return timetable;
    }

    public PriceImporter priceImporter() {
        return new PriceImporter(database, prices.catalog(), clock, prices.region(), () -> {
            prices.invalidate();
            vocabulary.refresh();
            if (loop.checkPrices() > 0) {
                outbox.wake();
            }
            notices.publish(IMPORTS, PRICES_IMPORTED);
        });
    }

    /**
     * Imports prices as a region's (its engine quotes them at once). Price alerts and the
     * classifier's commodity names follow the default region's board.
     */
    public PriceImporter priceImporter(String regionCode) {
        if (regionCode.equals(region.code())) {
            return priceImporter();
        }
        SqlPriceBoard board = pricesOf(regionCode).orElseThrow(() -> new IllegalArgumentException(
                "unknown region: " + regionCode + " (this deployment has " + String.join(", ", priceBoards.keySet())
                        + ")"));
        // Like the default region's import: the other nodes drop their cached prices too.
        return new PriceImporter(database, board.catalog(), clock, board.region(), () -> {
            board.invalidate();
            notices.publish(IMPORTS, PRICES_IMPORTED);
        });
    }

    /** A region's price board (its own prices). */
    public Optional<SqlPriceBoard> pricesOf(String regionCode) {
        return Optional.ofNullable(priceBoards.get(regionCode));
    }

    /** The region's content packs, as the dialog reads them. */
    public SqlContentPacks packs() {
        return packs;
    }

    /** Imports a pack folder for this region; the dialog sees it at once (its sentences are learned at the next start). */
    public PackImporter packImporter() {
        return new PackImporter(database, clock, settings.dialog().zone(), () -> {
            regionPacks.forEach(SqlContentPacks::reload);
        });
    }

    /** The GTFS importer; call {@link #gtfsImported()} after an import so every node reloads. */
    public GtfsImporter gtfsImporter() {
        return new GtfsImporter(database, timetable, clock);
    }

    /** Tells the other nodes that a timetable was imported. */
    public void gtfsImported() {
        notices.publish(IMPORTS, GTFS_IMPORTED);
    }

    /** News to and from the other nodes on this database (nothing on SQLite). */
    public ClusterNotices notices() {
        return notices;
    }

    /** Jobs that run on one node at a time (under a lease on PostgreSQL). */
    public LeasedJobs jobs() {
        return jobs;
    }

    /** Imports GTFS feeds as a region's (the region's engine answers from them at once). */
    public GtfsImporter gtfsImporter(String regionCode) {
        return new GtfsImporter(database, timetableOf(regionCode).orElseThrow(() -> new IllegalArgumentException(
                "unknown region: " + regionCode + " (this deployment has " + String.join(", ", timetables.keySet())
                        + ")")), clock);
    }

    /** A region's timetable (its own feeds). */
    public Optional<GtfsTimetable> timetableOf(String regionCode) {
        return Optional.ofNullable(timetables.get(regionCode));
    }

    public SqlResidentRegistry residents() {
        return residents;
    }

    public SqlOutboxQueue outboxQueue() {
        return outboxQueue;
    }

    /** The outbox sender; {@code serve} starts it, {@link #close()} stops it before the database closes. */
    public OutboxSender outbox() {
        return outbox;
    }

    /** Questions after the fact, alert subscriptions, price and area alerts, satisfaction figures. */
    public ResidentLoop loop() {
        return loop;
    }

    /** Fetches residents' complaint photos from the channels' providers; {@code serve} starts it. */
    public PhotoFetcher photoFetcher() {
        return photoFetcher;
    }

    /** The active channels: their routes, health, start and stop. */
    Channels channels() {
        return channels;
    }

    @Override
    public void close() {
        // The outbox first: a send in flight finishes on its link (an SMSC bind) before the links close.
        outbox.close();
        // Leases go before the channels close: another node's next round takes the pollers over.
        jobs.close();
        photoFetcher.close();
        channels.close();
        notices.close();
        if (turnLocks instanceof PostgresTurnLocks pg) {
            pg.close();
        }
        database.close();
    }
}
