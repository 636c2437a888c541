package id.kanal.app;

import id.kanal.app.packs.PackImporter;
import id.kanal.app.packs.PackSeeds;
import id.kanal.app.packs.SqlContentPacks;
import id.kanal.dialog.DialogEngine;
import id.kanal.dialog.DialogServices;
import id.kanal.dialog.DialogSettings;
import id.kanal.dialog.LoopServices;
import id.kanal.dialog.Texts;
import id.kanal.dialog.port.IntentClassifier;
import id.kanal.dialog.port.TurnLocks;
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
import java.util.Optional;

/**
 * Makes a region's {@link RegionServices} over what the deployment shares (the database, the
 * conversation store, residents, the resident loop, turn locks). In two steps, because the one
 * classifier all regions share learns its place, market and stop names from the default region's
 * data: first every region's {@linkplain #data data services}, then, with the classifier, each
 * region's {@linkplain #services engine}.
 */
final class RegionWiring {
    private final Settings settings;
    private final Clock clock;
    private final Database database;
    private final NotificationSettings notifications;

    RegionWiring(Settings settings, Clock clock, Database database) {
        this.settings = settings;
        this.clock = clock;
        this.database = database;
        ComplaintSettings cs = settings.complaints();
        this.notifications = new NotificationSettings(cs.whatsAppStatusTemplateSid(), cs.whatsAppFeedbackTemplateSid());
    }

    /** A region's services over the database, before its engine. */
    record Data(Region region, SqlComplaintDesk complaints, SqlPriceBoard prices, GtfsTimetable timetable,
                SqlContentPacks packs, Optional<Open311Forwarder> open311) {
    }

    /**
     * Writes the region's agencies and categories, opens its desk, price board and timetable, and
     * stores the packs its file names that it has none of yet.
     *
     * @param home whether this is the default region (the one {@code KANAL_OPEN311_ENDPOINT} forwards for)
     */
    Data data(Region region, boolean home) {
        Optional<Open311Endpoint> endpoint = home ? defaultOpen311() : Optional.empty();
        SqlComplaintDesk desk = SqlComplaintDesk.open(database, region.definition(), clock, notifications,
                endpoint.isPresent());
        Optional<Open311Forwarder> forwarder = endpoint.map(e -> new Open311Forwarder(database, desk,
                new Open311Client(e), clock));
        SqlPriceBoard prices = new SqlPriceBoard(database, CommodityCatalog.builtIn(), clock,
                settings.dialog().priceStaleAfterDays(), region.zone().orElse(settings.dialog().zone()), region.code());
        GtfsTimetable timetable = GtfsTimetable.load(database, region.code());
        SqlContentPacks packs = new SqlContentPacks(database, region.code(), clock);
        PackSeeds.seedMissing(packImporter(packs::reload), packs, region.code(), region.packs());
        return new Data(region, desk, prices, timetable, packs, forwarder);
    }

    /** {@code kanal.complaints.open311}: the default region's external desk. */
    private Optional<Open311Endpoint> defaultOpen311() {
        ComplaintSettings cs = settings.complaints();
        return cs.open311Endpoint().map(url -> new Open311Endpoint(url, cs.open311ClientApiKey(),
                cs.open311Jurisdiction(), cs.open311PollInterval()));
    }

    /** The region's engine over its data and the shared classifier, conversation store, residents and loop. */
    RegionServices services(Data d, IntentClassifier classifier, SqlConversationStore conversations,
                            SqlResidentRegistry residents, LoopServices loop, TurnLocks turnLocks) {
        DialogEngine engine = new DialogEngine(dialogSettings(d.region()), Texts.builtIn().reworded(d.region().wording()),
                new DialogServices(conversations, residents, classifier, d.complaints(), d.prices(), d.timetable(),
                        d.packs()),
                loop, clock, turnLocks);
        return new RegionServices(d.region(), d.complaints(), d.prices(), d.timetable(), d.packs(), d.open311(), engine);
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
