package id.kanal.dialog.port;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A price in rupiah per unit on a day, at a market or region-wide (no market), and the price
 * seven days earlier when the board has it.
 */
public record PriceQuote(String commodity, Optional<String> market, String unit, long rupiah, LocalDate date,
                         OptionalLong weekEarlierRupiah) {
    public PriceQuote {
        Objects.requireNonNull(commodity, "commodity");
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(weekEarlierRupiah, "weekEarlierRupiah");
    }
}
