package id.kanal.services.prices;

import java.time.LocalDate;

/** One parsed price line; market "" = region-wide. */
record PriceRow(int line, String commodity, String market, LocalDate day, String unit, long rupiah) {
}
