package id.kanal.services;

import id.kanal.services.prices.ImportResult;
import id.kanal.services.prices.PriceImporter;
import id.kanal.services.prices.SqlPriceBoard;
import id.kanal.services.timetable.GtfsImportResult;
import id.kanal.services.timetable.GtfsImporter;
import id.kanal.services.timetable.GtfsSource;
import id.kanal.services.timetable.GtfsTimetable;
import id.kanal.store.Database;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;

/**
 * The built-in demo region's data, written by the project: four weeks of staple-food prices at
 * five Kota Tangerang markets (real names, made-up numbers) ending on the day of the first
 * start, and a small GTFS feed "demo" for the KRL Tangerang line and Trans Tangerang corridors
 * K1 and K2 (real station names, made-up times). Loaded through the same importers as real feeds.
 */
public final class DemoData {
    public static final String FEED = GtfsImporter.DEMO_FEED;
    static final int DAYS = 28;
    private static final String[] MARKET_FACTORS_PERMILLE = {"0", "25", "-20", "10", "40"};

    private DemoData() {
    }

    /** What {@link #seedIfEmpty} loaded: empty parts were already present and left alone. */
    public record Seeded(Optional<ImportResult> prices, Optional<GtfsImportResult> timetable) {
        public Seeded {
            Objects.requireNonNull(prices, "prices");
            Objects.requireNonNull(timetable, "timetable");
        }
    }

    /**
     * Loads demo prices when the board has none, and the demo timetable when no feed was ever
     * imported, so a fresh start answers questions. The first real import of each kind removes
     * its demo ({@link GtfsImporter}, {@link PriceImporter}): demo data never sits beside real data.
     */
    public static Seeded seedIfEmpty(Database db, SqlPriceBoard board, GtfsTimetable timetable, Clock clock) {
        Optional<ImportResult> prices = Optional.empty();
        if (board.commodities().isEmpty()) {
            prices = Optional.of(PriceImporter.forBoard(db, board, clock)
                    .importCsv(new StringReader(pricesCsv(LocalDate.now(clock.withZone(board.zone())))),
                            PriceImporter.DEMO_SOURCE, n -> { }));
        }
        Optional<GtfsImportResult> gtfs = Optional.empty();
        if (timetable.feeds().isEmpty()) {
            gtfs = Optional.of(new GtfsImporter(db, timetable, clock)
                    .importFeed(FEED, GtfsSource.classpath("demo/gtfs"), "built-in demo", n -> { }));
        }
        return new Seeded(prices, gtfs);
    }

    /** The demo prices as a simple CSV ({@code date,market,commodity,unit,price}) for the 28 days up to {@code today}. */
    public static String pricesCsv(LocalDate today) {
        List<String> markets = lines("/demo/markets.txt");
        List<String> base = lines("/demo/prices-base.csv");
        StringBuilder csv = new StringBuilder("date,market,commodity,unit,price\n");
        for (String line : base.subList(1, base.size())) {
            String[] f = line.split(",");
            long rupiah = Long.parseLong(f[2]);
            int trend = Integer.parseInt(f[3]);
            for (int m = 0; m < markets.size(); m++) {
                // Seeded by names, so every start writes the same prices for the same day.
                Random noise = new Random((f[0] + markets.get(m)).hashCode());
                int factor = Integer.parseInt(MARKET_FACTORS_PERMILLE[m % MARKET_FACTORS_PERMILLE.length]);
                for (int d = DAYS - 1; d >= 0; d--) {
                    int age = d;
                    double price = rupiah * (1 + factor / 1000.0) * (1 - trend * age / 1000.0) * (1 + (noise.nextInt(21) - 10) / 1000.0);
                    long rounded = Math.max(250, Math.round(price / 250.0) * 250);
                    csv.append(today.minusDays(age)).append(',').append(markets.get(m)).append(',').append(f[0])
                            .append(',').append(f[1]).append(',').append(rounded).append('\n');
                }
            }
        }
        return csv.toString();
    }

    private static List<String> lines(String resource) {
        var in = DemoData.class.getResourceAsStream(resource);
        Objects.requireNonNull(in, "classpath resource " + resource);
        try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String> out = new ArrayList<>();
            for (String l = reader.readLine(); l != null; l = reader.readLine()) {
                if (!l.isBlank()) {
                    out.add(l.trim());
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
