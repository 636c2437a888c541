package id.kanal.app;

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
import id.kanal.store.Database;
import id.kanal.store.SqlConversationStore;
import id.kanal.store.SqlOutboxQueue;
import id.kanal.store.SqlResidentRegistry;
import id.kanal.channels.outbox.OutboxSender;

import java.time.Clock;
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
    private final RegionDefinition region;
    private final SqlComplaintDesk complaints;
    private final Optional<Open311Forwarder> open311Forwarder;
    private final SqlConversationStore conversations;
    private final SqlPriceBoard prices;
    private final GtfsTimetable timetable;
    private final LiveVocabulary vocabulary;
    private final OpenNlpIntentClassifier classifier;
    private final DialogEngine engine;
    private final SqlResidentRegistry residents;
    private final SqlOutboxQueue outboxQueue;
    private final OutboxSender outbox;
    private final Channels channels;

    private Kanal(Settings settings, Clock clock, Database database, RegionDefinition region) {
        this.settings = settings;
        this.clock = clock;
        this.database = database;
        this.region = region;
        ComplaintSettings cs = settings.complaints();
        this.complaints = SqlComplaintDesk.open(database, region, clock,
                new NotificationSettings(cs.whatsAppStatusTemplateSid()), cs.open311Endpoint().isPresent());
        this.open311Forwarder = cs.open311Endpoint().map(url -> new Open311Forwarder(database, complaints,
                new Open311Client(new Open311Endpoint(url, cs.open311ClientApiKey(), cs.open311Jurisdiction(),
                        cs.open311PollInterval())), clock));
        this.conversations = new SqlConversationStore(database);
        this.residents = new SqlResidentRegistry(database);
        this.prices = new SqlPriceBoard(database, CommodityCatalog.builtIn(), clock, settings.priceStaleAfterDays());
        this.timetable = GtfsTimetable.load(database);
        DemoData.Seeded seeded = DemoData.seedIfEmpty(database, prices, timetable, clock);
        if (seeded.prices().isPresent() || seeded.timetable().isPresent()) {
            LOG.log(System.Logger.Level.INFO, "first start: demo prices and timetable loaded (made-up figures)");
        }
        // The classifier's entity names come from the services, so an imported feed is understood at once.
        this.vocabulary = LiveVocabulary.from(Optional.of(prices), Optional.of(complaints), Vocabulary.tangerang());
        this.classifier = OpenNlpIntentClassifier.create(settings.intents(), vocabulary, Optional.of(timetable));
        this.engine = new DialogEngine(
                new DialogSettings(region.name(), region.ticketPrefix(), settings.idleTimeout(), settings.zone(),
                        settings.agentHours(), settings.priceStaleAfterDays()),
                Texts.builtIn(),
                new DialogServices(conversations, residents,
                        classifier, complaints, prices, timetable),
                clock);
        this.outboxQueue = new SqlOutboxQueue(database);
        this.channels = new Channels(settings.channels(), engine, conversations, database, outboxQueue,
                () -> outbox().wake(), clock);
        this.outbox = Outboxes.sender(settings, outboxQueue, residents, channels.smsOverSmpp(), clock);
    }

    /** Opens the database (migrating it) and wires the services. */
    public static Kanal open(Settings settings, Clock clock) {
        RegionDefinition region = RegionFiles.load(settings.regionFile());
        Database db = settings.dbUrl().map(url -> Database.open(url, 8))
                .orElseGet(() -> Database.openSqlite(settings.dataDir()));
        try {
            Kanal kanal = new Kanal(settings, clock, db, region);
            LOG.log(System.Logger.Level.INFO, "region={0} prefix={1} database={2}", region.name(),
                    region.ticketPrefix(), db.dialect());
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

    public RegionDefinition region() {
        return region;
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
        return new PriceImporter(database, prices.catalog(), clock, () -> {
            prices.invalidate();
            vocabulary.refresh();
        });
    }

    public GtfsImporter gtfsImporter() {
        return new GtfsImporter(database, timetable, clock);
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

    /** Telegram and USSD: their routes, and Telegram long polling. */
    Channels channels() {
        return channels;
    }

    @Override
    public void close() {
        outbox.close(); // before the channels: its send in flight may use an SMPP link
        channels.close();
        database.close();
    }
}
