package id.kanal.app;

import id.kanal.app.packs.SqlContentPacks;
import id.kanal.dialog.DialogEngine;
import id.kanal.services.complaints.SqlComplaintDesk;
import id.kanal.services.open311.Open311Forwarder;
import id.kanal.services.prices.SqlPriceBoard;
import id.kanal.services.timetable.GtfsTimetable;

import java.util.Objects;
import java.util.Optional;

/**
 * Everything one region of the deployment serves from, made by {@link RegionWiring}: its complaint
 * desk (categories, ticket prefix), price board, timetable, content packs, its forwarder to an
 * external Open311 desk when it has one, and the dialog engine over all of them.
 * The conversation store, residents, the classifier and the outbox are the deployment's, shared.
 */
public record RegionServices(Region region, SqlComplaintDesk complaints, SqlPriceBoard prices,
                             GtfsTimetable timetable, SqlContentPacks packs, Optional<Open311Forwarder> open311,
                             DialogEngine engine) {
    public RegionServices {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(complaints, "complaints");
        Objects.requireNonNull(prices, "prices");
        Objects.requireNonNull(timetable, "timetable");
        Objects.requireNonNull(packs, "packs");
        Objects.requireNonNull(open311, "open311");
        Objects.requireNonNull(engine, "engine");
    }

    public String code() {
        return region.code();
    }
}
