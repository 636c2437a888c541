package id.kanal.services.prices;

import id.kanal.services.CsvReader;

import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a whole price file into rows, or fails on its first bad row. Two formats, told apart by
 * the header: the Badan Pangan Nasional export ({@code Timestamp,ID,Komoditas,Satuan,Harga,...},
 * region-wide) and Kanal's simple {@code date,market,commodity,unit,price} (see IMPORTS.md).
 */
final class PriceCsvParser {
    static final String BAPANAS = "bapanas";
    static final String SIMPLE = "simple";

    record Parsed(String format, List<PriceRow> rows, int skipped) {
    }

    private final CommodityCatalog catalog;

    PriceCsvParser(CommodityCatalog catalog) {
        this.catalog = catalog;
    }

    Parsed parse(Reader reader) {
        try (CsvReader csv = CsvReader.open(reader)) {
            if (csv.column("komoditas").isPresent() || csv.column("timestamp").isPresent()) {
                return read(csv, BAPANAS, new int[]{
                        required(csv, "Timestamp"), -1, required(csv, "Komoditas"),
                        required(csv, "Satuan"), required(csv, "Harga")});
            }
            if (csv.column("date").isPresent() || csv.column("price").isPresent()) {
                return read(csv, SIMPLE, new int[]{
                        required(csv, "date"), required(csv, "market"), required(csv, "commodity"),
                        required(csv, "unit"), required(csv, "price")});
            }
            throw new PriceImportException(1, "unknown header " + csv.header()
                    + ": expected date,market,commodity,unit,price or the Badan Pangan Nasional columns");
        } catch (IllegalArgumentException e) {
            throw new PriceImportException(0, e.getMessage());
        }
    }

    private static int required(CsvReader csv, String name) {
        return csv.column(name).orElseThrow(() -> new PriceImportException(1, "missing column " + name));
    }

    /** columns: date, market (-1: none), commodity, unit, price. */
    private Parsed read(CsvReader csv, String format, int[] columns) {
        List<PriceRow> rows = new ArrayList<>();
        Map<String, PriceRow> seen = new HashMap<>();
        Map<String, String> units = new HashMap<>();
        int skipped = 0;
        int width = 0;
        for (int c : columns) {
            width = Math.max(width, c + 1);
        }
        for (List<String> r = csv.next(); r != null; r = csv.next()) {
            int line = csv.rowLine();
            if (r.size() < width) {
                throw new PriceImportException(line, "expected at least " + width + " fields, found " + r.size());
            }
            LocalDate day = date(line, r.get(columns[0]).trim());
            String market = columns[1] < 0 ? "" : r.get(columns[1]).trim().replaceAll("\\s+", " ");
            String rawCommodity = r.get(columns[2]).trim();
            if (rawCommodity.isEmpty()) {
                throw new PriceImportException(line, "empty commodity");
            }
            String commodity = catalog.canonical(rawCommodity);
            String unit = unit(line, r.get(columns[3]));
            String priceText = r.get(columns[4]).trim();
            if (BAPANAS.equals(format) && (priceText.isEmpty() || isZero(priceText))) {
                skipped++; // Badan Pangan Nasional's "no survey that day"
                continue;
            }
            long rupiah = rupiah(line, priceText);
            String expectedUnit = catalog.find(commodity).map(x -> x.unit())
                    .orElseGet(() -> units.getOrDefault(commodity, unit));
            if (!expectedUnit.equals(unit)) {
                throw new PriceImportException(line, "unit '" + unit + "' for " + commodity
                        + " differs from its unit '" + expectedUnit + "'");
            }
            units.putIfAbsent(commodity, unit);
            PriceRow row = new PriceRow(line, commodity, market, day, unit, rupiah);
            PriceRow before = seen.putIfAbsent(commodity + '\u0000' + market + '\u0000' + day, row);
            if (before != null) {
                if (before.rupiah() != rupiah) {
                    throw new PriceImportException(line, "a second, different price for " + commodity
                            + (market.isEmpty() ? "" : " at " + market) + " on " + day + " (first at row "
                            + before.line() + ")");
                }
                continue;
            }
            rows.add(row);
        }
        return new Parsed(format, rows, skipped);
    }

    private static LocalDate date(int line, String text) {
        // The BAPANAS export sometimes carries a time after the date; the day is what counts.
        String day = text.length() > 10 ? text.substring(0, 10) : text;
        try {
            return LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            throw new PriceImportException(line, "bad date '" + text + "' (expected YYYY-MM-DD)");
        }
    }

    /** "Rp./Kg", "Rp/kg", "kg" become "kg"; "Rp./Liter" becomes "liter". */
    static String unit(int line, String text) {
        String u = text.trim().toLowerCase(Locale.ROOT).replaceFirst("^rp\\.?\\s*/?\\s*", "").trim();
        if (u.isEmpty()) {
            throw new PriceImportException(line, "empty unit");
        }
        return switch (u) {
            case "l", "ltr", "lt" -> "liter";
            default -> u;
        };
    }

    private static boolean isZero(String text) {
        try {
            return new BigDecimal(text).signum() == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static long rupiah(int line, String text) {
        try {
            BigDecimal value = new BigDecimal(text);
            if (value.signum() <= 0) {
                throw new PriceImportException(line, "price must be positive: '" + text + "'");
            }
            return value.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new PriceImportException(line, "bad price '" + text + "' (expected rupiah, digits only)");
        }
    }
}
