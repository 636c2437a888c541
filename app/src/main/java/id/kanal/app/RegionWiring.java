package id.kanal.app;

import id.kanal.app.packs.PackImporter;
import id.kanal.app.packs.PackSeeds;
import id.kanal.app.packs.SqlContentPacks;
import id.kanal.dialog.DialogEngine;
import id.kanal.dialog.DialogServices;
import id.kanal.dialog.DialogSettings;
import id.kanal.dialog.Texts;
import id.kanal.dialog.port.TurnLocks;
import id.kanal.intents.Example;
import id.kanal.intents.LiveVocabulary;
import id.kanal.intents.OpenNlpIntentClassifier;
import id.kanal.intents.StopFinder;
import id.kanal.intents.TrainingData;
import id.kanal.intents.Vocabulary;
import id.kanal.services.DemoData;
import id.kanal.services.alerts.AlertRegion;
import id.kanal.services.alerts.Areas;
import id.kanal.services.complaints.NotificationSettings;
import id.kanal.services.complaints.SqlComplaintDesk;
import id.kanal.services.open311.Open311Client;
import id.kanal.services.open311.Open311Endpoint;
import id.kanal.services.open311.Open311Forwarder;
import id.kanal.services.prices.CommodityCatalog;
import id.kanal.services.prices.SqlPriceBoard;
import id.kanal.services.timetable.GtfsTimetable;
import id.kanal.store.Database;
import id.kanal.store.SqlConversationStore;
import id.kanal.store.SqlResidentRegistry;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Makes each region's {@link RegionServices} over what the deployment shares: the database, the
 * conversation store, residents, the resident loop and the turn locks (the console acts through
 * the default region's engine; one set of locks orders it against every region's turns).
 */
final class RegionWiring {
    private static final System.Logger LOG = System.getLogger(RegionWiring.class.getName());

    private final Settings settings;
    private final Clock clock;
    private final Database database;
    private final SqlConversationStore conversations;
    private final SqlResidentRegistry residents;
    private final ResidentLoop loop;
    private final TurnLocks turnLocks;
    private final NotificationSettings notifications;
    /** The first region's classifier: the others share its normaliser (a slang lexicon read once). */
    private OpenNlpIntentClassifier first;

    RegionWiring(Settings settings, Clock clock, Database database, SqlConversationStore conversations,
                 SqlResidentRegistry residents, ResidentLoop loop, TurnLocks turnLocks) {
        this.settings = settings;
        this.clock = clock;
        this.database = database;
        this.conversations = conversations;
        this.residents = residents;
        this.loop = loop;
        this.turnLocks = turnLocks;
        ComplaintSettings cs = settings.complaints();
        this.notifications = new NotificationSettings(cs.whatsAppStatusTemplateSid(), cs.whatsAppFeedbackTemplateSid());
    }

    /**
     * Writes the region's agencies and categories, opens its desk, price board, timetable and packs
     * (storing the packs its file names that it has none of yet), its Open311 forwarder and alerts,
     * and makes its classifier and engine. Call it for the default region first.
     *
     * @param home whether this is the default region: it gets the demo data on a fresh database, the
     *             built-in areas and {@code KANAL_OPEN311_ENDPOINT} when its file names none of its own
     */
    RegionServices open(Region region, boolean home) {
        Optional<Open311Endpoint> endpoint = open311(region, home);
        SqlComplaintDesk desk = SqlComplaintDesk.open(database, region.definition(), clock, notifications,
                endpoint.isPresent());
        Optional<Open311Forwarder> forwarder = endpoint.map(e -> new Open311Forwarder(database, desk,
                new Open311Client(e), clock));
        SqlPriceBoard prices = new SqlPriceBoard(database, CommodityCatalog.builtIn(), clock,
                settings.dialog().priceStaleAfterDays(), region.zone().orElse(settings.dialog().zone()), region.code());
        GtfsTimetable timetable = GtfsTimetable.load(database, region.code());
        if (home) {
            seedDemo(prices, timetable);
        }
        SqlContentPacks packs = new SqlContentPacks(database, region.code(), clock);
        PackSeeds.seedMissing(packImporter(packs::reload), packs, region.code(), region.packs());
        Texts texts = Texts.builtIn().reworded(region.wording());
        RegionAlerts alerts = loop.alertsFor(new AlertRegion(region.code(), home), prices, texts,
                region.areas().orElse(home ? Areas.kotaTangerang() : Areas.none()));
        alerts.checkPrices(); // marks today's prices, so the next import alerts only on a real move
        // The classifier's entity names come from the region's services, so an imported feed is understood at once.
        LiveVocabulary vocabulary = LiveVocabulary.from(Optional.of(prices), Optional.of(desk),
                home ? Vocabulary.tangerang() : Vocabulary.tangerang().withMarkets(List.of()).withStops(List.of()));
        OpenNlpIntentClassifier classifier = classifier(vocabulary, timetable, packs);
        DialogEngine engine = new DialogEngine(dialogSettings(region), texts,
                new DialogServices(conversations, residents, classifier, desk, prices, timetable, packs),
                loop.dialog(alerts), clock, turnLocks);
        return new RegionServices(region, desk, prices, timetable, packs, forwarder, alerts, vocabulary, classifier,
                engine);
    }

    /** Nodes starting together on a fresh database: one seeds, the others then find the data there. */
    private void seedDemo(SqlPriceBoard prices, GtfsTimetable timetable) {
        DemoData.Seeded seeded = database.exclusively("demo-seeding", () -> {
            timetable.refresh(database);
            return DemoData.seedIfEmpty(database, prices, timetable, clock);
        });
        if (seeded.prices().isPresent() || seeded.timetable().isPresent()) {
            LOG.log(System.Logger.Level.INFO, "first start: demo prices and timetable loaded (made-up figures)");
        }
    }

    /**
     * A classifier that knows the region's names. Content packs' sentences are learned at start: a
     * pack imported later is in the menu at once, understood after a restart. The first region's is
     * made from the settings (slang lexicon, saved model); the others share its normaliser, and its
     * model when one is saved (a saved model knows only what it was trained on), else train on the
     * built-in sentences and their own packs' (tens of milliseconds).
     */
    private OpenNlpIntentClassifier classifier(LiveVocabulary vocabulary, GtfsTimetable timetable, SqlContentPacks packs) {
        if (first == null) {
            first = OpenNlpIntentClassifier.create(settings.intents(), vocabulary, Optional.of(timetable),
                    packs.training());
            return first;
        }
        OpenNlpIntentClassifier.Builder b = OpenNlpIntentClassifier.builder().normaliser(first.normaliser())
                .threshold(first.threshold()).vocabulary(vocabulary).stopFinder(StopFinder.of(timetable));
        if (settings.intents().modelPath().isPresent()) {
            b.model(first.model());
        } else {
            List<Example> training = new ArrayList<>(TrainingData.builtInTraining());
            training.addAll(packs.training());
            b.training(training);
        }
        return b.build();
    }

    /**
     * The region's external Open311 desk: its file's {@code open311:}, or for the default region
     * {@code kanal.complaints.open311} ({@code KANAL_OPEN311_ENDPOINT}); the key is read from the
     * variable the file names.
     */
    private Optional<Open311Endpoint> open311(Region region, boolean home) {
        ComplaintSettings cs = settings.complaints();
        if (region.open311().isPresent()) {
            Region.Open311Desk d = region.open311().get();
            Optional<String> key = d.apiKeyVariable().map(name -> settings.environment().get(name).orElseThrow(() ->
                    new IllegalArgumentException("region file " + region.source() + ": open311.api-key-env names "
                            + name + ", which is not set")));
            return Optional.of(new Open311Endpoint(d.endpoint(), key, d.jurisdiction(),
                    d.pollEvery().orElse(cs.open311PollInterval())));
        }
        if (!home) {
            return Optional.empty();
        }
        return cs.open311Endpoint().map(url -> new Open311Endpoint(url, cs.open311ClientApiKey(),
                cs.open311Jurisdiction(), cs.open311PollInterval()));
    }

    /** Imports packs (for any region) and then runs {@code reload}, so the dialog sees them at once. */
    PackImporter packImporter(Runnable reload) {
        return new PackImporter(database, clock, settings.dialog().zone(), reload);
    }

    private DialogSettings dialogSettings(Region r) {
        ConversationSettings d = settings.dialog();
        return new DialogSettings(r.definition().name(), r.definition().ticketPrefix(), d.idleTimeout(),
                r.zone().orElse(d.zone()), r.agentHours().orElse(d.agentHours()), d.priceStaleAfterDays());
    }
}
