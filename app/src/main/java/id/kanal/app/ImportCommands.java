package id.kanal.app;

import id.kanal.services.ServicesBenchmark;
import id.kanal.services.prices.ImportResult;
import id.kanal.services.prices.PriceImportException;
import id.kanal.services.timetable.GtfsImportException;
import id.kanal.services.timetable.GtfsImportResult;

import java.nio.file.Files;
import java.nio.file.Path;

/** {@code import-prices FILE}, {@code import-gtfs DIR_OR_ZIP} and {@code bench-services [SHARED_DATA]}. */
final class ImportCommands {
    private ImportCommands() {
    }

    static int importPrices(Settings settings, String[] args) {
        Path file = onlyPath(args, "import-prices FILE");
        LogsToStderr.apply();
        try (Kanal kanal = Kanal.open(settings, Main.clock())) {
            ImportResult r = kanal.priceImporter().importFile(file, rows -> System.err.printf("  %,d rows read%n", rows));
            System.out.printf("imported %s (%s): %d rows, %d changed, %d unchanged, %d skipped, in %d ms%n",
                    file, r.format(), r.rows(), r.changed(), r.unchanged(), r.skipped(), r.took().toMillis());
            return 0;
        } catch (PriceImportException e) {
            System.err.println("rejected, nothing imported: " + e.getMessage());
            return 1;
        }
    }

    static int importGtfs(Settings settings, String[] args) {
        Path path = onlyPath(args, "import-gtfs DIR_OR_ZIP");
        LogsToStderr.apply();
        try (Kanal kanal = Kanal.open(settings, Main.clock())) {
            GtfsImportResult r = kanal.gtfsImporter().importPath(path, rows -> System.err.printf("  %,d rows read%n", rows));
            kanal.gtfsImported();
            System.out.printf("imported feed %s (version %d): %,d stops, %,d trips, %,d stop times, in %d ms%n",
                    r.feed(), r.version(), r.stops(), r.trips(), r.stopTimes(), r.took().toMillis());
            return 0;
        } catch (GtfsImportException e) {
            System.err.println("rejected, the previous timetable stays: " + e.getMessage());
            return 1;
        }
    }

    static int benchServices(Settings settings, String[] args) {
        LogsToStderr.apply();
        return ServicesBenchmark.run(args, System.out, timetable -> NluCommands.classifyLatency(timetable, System.out));
    }

    private static Path onlyPath(String[] args, String usage) {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: " + usage);
        }
        Path p = Path.of(args[0]);
        if (!Files.exists(p)) {
            throw new IllegalArgumentException("no such file or directory: " + p);
        }
        return p;
    }
}
