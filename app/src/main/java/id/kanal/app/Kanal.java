package id.kanal.app;

import id.kanal.dialog.DialogEngine;
import id.kanal.dialog.DialogServices;
import id.kanal.dialog.DialogSettings;
import id.kanal.dialog.KeywordIntentClassifier;
import id.kanal.dialog.Texts;
import id.kanal.services.DemoData;
import id.kanal.services.complaints.RegionDefinition;
import id.kanal.services.complaints.SqlComplaintDesk;
import id.kanal.services.prices.CommodityCatalog;
import id.kanal.services.prices.PriceImporter;
import id.kanal.services.prices.SqlPriceBoard;
import id.kanal.services.timetable.GtfsImporter;
import id.kanal.services.timetable.GtfsTimetable;
import id.kanal.store.Database;
import id.kanal.store.SqlConversationStore;
import id.kanal.store.SqlResidentPreferences;

import java.time.Clock;

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
    private final SqlConversationStore conversations;
    private final SqlPriceBoard prices;
    private final GtfsTimetable timetable;
    private final DialogEngine engine;

    private Kanal(Settings settings, Clock clock, Database database, RegionDefinition region) {
        this.settings = settings;
        this.clock = clock;
        this.database = database;
        this.region = region;
        this.complaints = SqlComplaintDesk.open(database, region, clock);
        this.conversations = new SqlConversationStore(database);
        this.prices = new SqlPriceBoard(database, CommodityCatalog.builtIn(), clock, settings.priceStaleAfterDays());
        this.timetable = GtfsTimetable.load(database);
        DemoData.Seeded seeded = DemoData.seedIfEmpty(database, prices, timetable, clock);
        if (seeded.prices().isPresent() || seeded.timetable().isPresent()) {
            LOG.log(System.Logger.Level.INFO, "first start: demo prices and timetable loaded (made-up figures)");
        }
        this.engine = new DialogEngine(
                new DialogSettings(region.name(), region.ticketPrefix(), settings.idleTimeout(), settings.zone(),
                        settings.agentHours(), settings.priceStaleAfterDays()),
                Texts.builtIn(),
                new DialogServices(conversations, new SqlResidentPreferences(database, clock),
                        new KeywordIntentClassifier(), complaints, prices, timetable),
                clock);
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

    public SqlConversationStore conversations() {
        return conversations;
    }

    public DialogEngine engine() {
        return engine;
    }

    public SqlPriceBoard prices() {
        return prices;
    }

    public GtfsTimetable timetable() {
        return timetable;
    }

    public PriceImporter priceImporter() {
        return PriceImporter.forBoard(database, prices, clock);
    }

    public GtfsImporter gtfsImporter() {
        return new GtfsImporter(database, timetable, clock);
    }

    @Override
    public void close() {
        database.close();
    }
}
