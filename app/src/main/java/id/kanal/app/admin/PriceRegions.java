package id.kanal.app.admin;

import id.kanal.app.Kanal;
import id.kanal.app.Region;
import id.kanal.channels.web.ClientErrorException;
import id.kanal.services.prices.PriceImporter;
import id.kanal.services.prices.SqlPriceBoard;

import java.util.List;
import java.util.Optional;

/**
 * The price boards of a deployment's regions, as the two HTTP ways of importing prices reach them
 * (the console's Prices page and {@code POST /api/admin/prices}): a request names a region or
 * means the default one, and a region the deployment does not have is a 404 naming those it has.
 */
public final class PriceRegions {
    private final Kanal kanal;

    public PriceRegions(Kanal kanal) {
        this.kanal = kanal;
    }

    /** The region asked for ({@code ?region=}; blank or absent: the default region), or a 404 naming the regions there are. */
    public String resolve(Optional<String> asked) {
        String code = asked.map(String::strip).filter(s -> !s.isEmpty()).orElse(kanal.region().code());
        if (kanal.regions().byCode(code).isEmpty()) {
            throw ClientErrorException.notFound("region '" + code + "' is not a region of this deployment ("
                    + String.join(", ", codes()) + "); nothing was imported");
        }
        return code;
    }

    /** Every region's code, the default region's first. */
    public List<String> codes() {
        return kanal.regions().all().stream().map(Region::code).toList();
    }

    /** Imports into the region's board: its engine quotes the prices at once, the other nodes reload them. */
    public PriceImporter importer(String region) {
        return kanal.priceImporter(region);
    }

    /** The region's board (its own prices). */
    public SqlPriceBoard board(String region) {
        return kanal.pricesOf(region).orElseThrow();
    }
}
