package id.kanal.app;

import id.kanal.app.packs.PackImporter;
import id.kanal.app.packs.SqlContentPacks;
import id.kanal.dialog.DialogEngine;
import id.kanal.intents.OpenNlpIntentClassifier;
import id.kanal.services.complaints.RegionDefinition;
import id.kanal.services.complaints.SqlComplaintDesk;
import id.kanal.services.prices.PriceImporter;
import id.kanal.services.prices.SqlPriceBoard;
import id.kanal.services.timetable.GtfsImporter;
import id.kanal.services.timetable.GtfsTimetable;
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
import id.kanal.channels.RegionResidents;
import id.kanal.channels.ussd.UssdServiceCodes;
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
import id.kanal.channels.ussd.UssdSessions;
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
    /** Every region's services, by code, the default region's first. */
    private final Map<String, RegionServices> services = new java.util.LinkedHashMap<>();
    private final RegionServices home;
    private final RegionWiring wiring;
    /** The default region's complaint desk (the channels' USSD receipts read it). */
    private final SqlComplaintDesk complaints;
    private final SqlConversationStore conversations;
    private final RegionRouter router;
    private final SqlResidentRegistry residents;
    private final SqlOutboxQueue outboxQueue;
    private final OutboxSender outbox;
    private final Channels channels;
    private final ResidentLoop loop;
    private final PhotoFetcher photoFetcher;
    private final ClusterNotices notices;
    private final LeasedJobs jobs;
    private final TurnLocks turnLocks;
    private final SqlUssdSessions ussdSessions;

    private Kanal(Settings settings, Clock clock, Database database, Regions regions,
                  List<ChannelType<?>> channelTypes) {
        this.settings = settings;
        this.clock = clock;
        this.database = database;
        this.regions = regions;
        this.conversations = new SqlConversationStore(database, settings.dialog().conversationCacheSize());
        this.residents = new SqlResidentRegistry(database);
        this.loop = new ResidentLoop(database, settings.alerts(), clock);
        this.turnLocks = database.dialect() == Dialect.SQLITE ? new SenderLocks(1024)
                : new PostgresTurnLocks(database, conversations, database.poolSize());
        this.wiring = new RegionWiring(settings, clock, database, conversations, residents, loop, turnLocks);
        try {
            for (Region r : regions.all()) {
                services.put(r.code(), wiring.open(r, r == regions.defaultRegion()));
            }
        } catch (RuntimeException e) {
            // A region refused (its wording, a variable its file names): the locks' connections go too.
            if (turnLocks instanceof PostgresTurnLocks pg) {
                pg.close();
            }
            throw e;
        }
        this.home = services.get(regions.defaultRegion().code());
        this.complaints = home.complaints();
        this.notices = ClusterNotices.open(database).acrossProcesses(IMPORTS); // on SQLite: a CLI import tells the server
        this.jobs = new LeasedJobs(database, clock, LeasedJobs.DEFAULT_LEASE);
        notices.subscribe(IMPORTS, this::imported, this::reloadImports);
        this.router = new RegionRouter(regions, engines());
        this.outboxQueue = new SqlOutboxQueue(database);
        this.ussdSessions = new SqlUssdSessions(database);
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
        this.photoFetcher = new PhotoFetcher(database, channels.mediaDownloaders(), settings.complaints().photoMaxBytes(),
                clock);
        services.values().forEach(r -> r.complaints().onPhotosFiled(photoFetcher::wake));
    }

    /** Each region's dialog engine, by region code: the router hands each message to its region's. */
    private Map<String, DialogEngine> engines() {
        Map<String, DialogEngine> engines = new java.util.LinkedHashMap<>();
        services.forEach((code, r) -> engines.put(code, r.engine()));
        return engines;
    }

    /** The dialog's ports the channels use, and the stores they own the interfaces of, over the database. */
    private ChannelContext channelContext() {
        return new ChannelContext(router, m -> outboxQueue.enqueue(m, clock.instant()), outboxQueue, residents,
                conversations, settings.server().baseUrl(), clock, Map.of(
                        TelegramLinks.class, (TelegramLinks) (e164, chat) -> residents.linkTelegramChat(e164, chat,
                                clock.instant()),
                        UssdSessions.class, new StoredUssdSessions(ussdSessions),
                        PendingUssdTurns.class, new StoredPendingUssdTurns(new SqlUssdPendingTurns(database), clock),
                        // The outbox sender is made after the channels: the lambda reads it when a reply is due.
                        HeldReplies.class, new OutboxHeldReplies(outboxQueue, outboxQueue::hold, TELEGRAM_REPLY_LEASE,
                                () -> outbox.wake()),
                        SmppLedger.class, new SqlSmppLedger(database, () -> outbox.wake()),
                        SenderIdentities.class, (SenderIdentities) regions::senderOf,
                        TelegramRegionBots.class, regions.telegramBots(),
                        RegionResidents.class, (RegionResidents) regions::residentOn,
                        QueuedReceipts.class, (QueuedReceipts) complaints.queries()::filedInTurn,
                        ExclusiveJobs.class, (ExclusiveJobs) jobs::register))
                .withPort(UssdServiceCodes.class, regions::ussdCodes); // Map.of holds ten
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
                services.values().forEach(RegionServices::pricesChanged);
            }
            case GTFS_IMPORTED -> services.values().forEach(r -> r.timetable().refresh(database));
            default -> reloadImports();
        }
    }

    /** After missing notices (the listening connection was down): reload both. */
    private void reloadImports() {
        services.values().forEach(r -> {
            r.pricesChanged();
            r.timetable().refresh(database);
        });
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
        return home.region().definition();
    }

    /** Every region of the deployment, the default first. */
    public Regions regions() {
        return regions;
    }

    /** A region's services (its desk, prices, timetable, packs, engine), by region code. */
    public Optional<RegionServices> servicesOf(String regionCode) {
        return Optional.ofNullable(services.get(regionCode));
    }

    /** Every region's services, the default region's first. */
    public java.util.Collection<RegionServices> allServices() {
        return java.util.Collections.unmodifiableCollection(services.values());
    }

    /** The region's services, or a clear refusal naming the regions there are (an operator typed it). */
    private RegionServices known(String regionCode) {
        return servicesOf(regionCode).orElseThrow(() -> new IllegalArgumentException("unknown region: " + regionCode
                + " (this deployment has " + String.join(", ", services.keySet()) + ")"));
    }

    /** The complaint desk of a region of this deployment. */
    public Optional<SqlComplaintDesk> complaintsOf(String regionCode) {
        return servicesOf(regionCode).map(RegionServices::complaints);
    }

    /** The default region's complaint desk. */
    public SqlComplaintDesk complaints() {
        return home.complaints();
    }

    /** Forwarding to the default region's external Open311 desk, when one is configured; the server starts and stops it. */
    public Optional<Open311Forwarder> open311Forwarder() {
        return home.open311();
    }

    /** Each region's forwarding to its external Open311 desk, by region code, for the regions that have one. */
    public Map<String, Open311Forwarder> open311Forwarders() {
        Map<String, Open311Forwarder> out = new java.util.LinkedHashMap<>();
        services.forEach((code, r) -> r.open311().ifPresent(f -> out.put(code, f)));
        return out;
    }

    public SqlConversationStore conversations() {
        return conversations;
    }

    /** The default region's dialog engine (the console acts through it). */
    public DialogEngine engine() {
        return home.engine();
    }

    /** The default region's classifier (each region's knows its own markets, categories, stops and packs). */
    public OpenNlpIntentClassifier classifier() {
        return home.classifier();
    }

    /** The default region's price board. */
    public SqlPriceBoard prices() {
        return home.prices();
    }

    /** The default region's timetable. */
    public GtfsTimetable timetable() {
        return home.timetable();
    }

    /** Imports prices as the default region's. */
    public PriceImporter priceImporter() {
        return priceImporter(home.code());
    }

    /**
     * Imports prices as a region's: its engine quotes them at once, its classifier learns new market
     * names, and a price that crossed its alert threshold alerts the region's subscribers.
     */
    public PriceImporter priceImporter(String regionCode) {
        RegionServices r = known(regionCode);
        return new PriceImporter(database, r.prices().catalog(), clock, r.prices().region(), () -> {
            r.pricesChanged();
            if (r.alerts().checkPrices() > 0) {
                outbox.wake();
            }
            // The other nodes drop their cached prices too.
            notices.publish(IMPORTS, PRICES_IMPORTED);
        });
    }

    /** A region's price board (its own prices). */
    public Optional<SqlPriceBoard> pricesOf(String regionCode) {
        return servicesOf(regionCode).map(RegionServices::prices);
    }

    /** The default region's content packs, as the dialog reads them. */
    public SqlContentPacks packs() {
        return home.packs();
    }

    /** Imports a pack folder for any region; the dialog sees it at once (its sentences are learned at the next start). */
    public PackImporter packImporter() {
        return wiring.packImporter(() -> services.values().forEach(r -> r.packs().reload()));
    }

    /** The default region's GTFS importer; call {@link #gtfsImported()} after an import so every node reloads. */
    public GtfsImporter gtfsImporter() {
        return gtfsImporter(home.code());
    }

    /** Tells the other nodes that a timetable was imported. */
    public void gtfsImported() {
        notices.publish(IMPORTS, GTFS_IMPORTED);
    }

    /** News to and from the other nodes on this database (on SQLite: only imports, from a command-line run). */
    public ClusterNotices notices() {
        return notices;
    }

    /** Jobs that run on one node at a time (under a lease on PostgreSQL). */
    public LeasedJobs jobs() {
        return jobs;
    }

    /** Imports GTFS feeds as a region's (the region's engine answers from them at once). */
    public GtfsImporter gtfsImporter(String regionCode) {
        return new GtfsImporter(database, known(regionCode).timetable(), clock);
    }

    /** A region's timetable (its own feeds). */
    public Optional<GtfsTimetable> timetableOf(String regionCode) {
        return servicesOf(regionCode).map(RegionServices::timetable);
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

    /** The USSD gateway sessions; {@code serve} prunes them ({@link UssdSessionPruning}). */
    public SqlUssdSessions ussdSessions() {
        return ussdSessions;
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
