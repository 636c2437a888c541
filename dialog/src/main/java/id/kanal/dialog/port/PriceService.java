package id.kanal.dialog.port;

import java.util.List;
import java.util.Optional;

/** The staple-food price board. Names are canonical (see {@link #commodities()}, {@link #markets()}). */
public interface PriceService {
    List<Commodity> commodities();

    List<String> markets();

    /** The latest price of a commodity at a market, or region-wide when no market is given. */
    Optional<PriceQuote> latest(String commodity, Optional<String> market);

    /** The latest price at every market that has one, cheapest first. */
    List<PriceQuote> latestByMarket(String commodity);
}
