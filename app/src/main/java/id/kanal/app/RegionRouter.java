package id.kanal.app;

import id.kanal.dialog.DialogEngine;
import id.kanal.dialog.InboundHandler;
import id.kanal.dialog.InboundMessage;
import id.kanal.dialog.Reply;

import java.util.Map;
import java.util.Objects;

/**
 * Hands each message to its region's dialog engine: the region that claims the identity it
 * arrived on, else the default one. A resident of another region than the default is that
 * region's {@linkplain id.kanal.dialog.Address#inRegion resident}: the region is part of the
 * conversation's key, so the same number writing to two regions has two conversations, two
 * transcripts and two places in the console's queue, over the one conversation store, with no
 * store or channel knowing about regions. (One engine per region over region-scoped store views
 * would have needed a region in every store's key and query; the address already is that key.)
 */
final class RegionRouter implements InboundHandler {
    private final Regions regions;
    private final Map<String, DialogEngine> engines;

    /** @param engines one per region code, every region of {@code regions} included */
    RegionRouter(Regions regions, Map<String, DialogEngine> engines) {
        this.regions = regions;
        this.engines = Map.copyOf(engines);
        regions.all().forEach(r -> Objects.requireNonNull(this.engines.get(r.code()), "no engine for region " + r.code()));
    }

    @Override
    public Reply handle(InboundMessage message) {
        Region region = regions.of(message);
        DialogEngine engine = engines.get(region.code());
        return engine.handle(message.withSender(regions.residentOf(region, message.from())));
    }
}
