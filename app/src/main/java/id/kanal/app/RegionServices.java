package id.kanal.app;

import id.kanal.app.packs.SqlContentPacks;
import id.kanal.dialog.DialogEngine;
import id.kanal.intents.LiveVocabulary;
import id.kanal.intents.OpenNlpIntentClassifier;
import id.kanal.services.complaints.SqlComplaintDesk;
import id.kanal.services.open311.Open311Forwarder;
import id.kanal.services.prices.SqlPriceBoard;
import id.kanal.services.timetable.GtfsTimetable;

import java.util.Objects;
import java.util.Optional;

/**
 * Everything one region of the deployment serves from, made by {@link RegionWiring#open}: its
 * complaint desk (categories, ticket prefix), price board, timetable, content packs, its forwarder
 * to its external Open311 desk when it has one, its alerts, the classifier that knows its names
 * (its markets, categories, stops and packs' sentences, in {@code vocabulary}) and the dialog
 * engine over all of them. The conversation store, residents, turn locks and the outbox are the
 * deployment's, shared.
 */
public record RegionServices(Region region, SqlComplaintDesk complaints, SqlPriceBoard prices,
                             GtfsTimetable timetable, SqlContentPacks packs, Optional<Open311Forwarder> open311,
                             RegionAlerts alerts, LiveVocabulary vocabulary, OpenNlpIntentClassifier classifier,
                             DialogEngine engine) {
    public RegionServices {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(complaints, "complaints");
        Objects.requireNonNull(prices, "prices");
        Objects.requireNonNull(timetable, "timetable");
        Objects.requireNonNull(packs, "packs");
        Objects.requireNonNull(open311, "open311");
        Objects.requireNonNull(alerts, "alerts");
        Objects.requireNonNull(vocabulary, "vocabulary");
        Objects.requireNonNull(classifier, "classifier");
        Objects.requireNonNull(engine, "engine");
    }

    public String code() {
        return region.code();
    }

    /** After an import of the region's prices: drop the cached ones and learn new market names. */
    void pricesChanged() {
        prices.invalidate();
        vocabulary.refresh();
    }
}
