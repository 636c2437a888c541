package id.kanal.app;

import id.kanal.app.packs.PackImportResult;
import id.kanal.app.packs.PackSource;
import id.kanal.services.RejectedImportException;
import id.kanal.services.ServicesBenchmark;
import id.kanal.services.prices.ImportResult;
import id.kanal.services.prices.PriceImportException;
import id.kanal.services.timetable.GtfsImportResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/** {@code import-prices FILE}, {@code import-gtfs DIR_OR_ZIP} and {@code bench-services [SHARED_DATA]}. */
final class ImportCommands {
    private ImportCommands() {
    }

    static int importPrices(Settings settings, String[] args) {
        RegionArgument a = RegionArgument.of(args, "import-prices [--region R] FILE");
        Path file = onlyPath(a.rest(), "import-prices [--region R] FILE");
        return runImport(settings, "rejected, nothing imported: ", kanal -> {
            ImportResult r = kanal.priceImporter(a.region().orElse(kanal.region().code()))
                    .importFile(file, ImportCommands::rowsRead);
            return String.format("imported %s (%s): %d rows, %d changed, %d unchanged, %d skipped, in %d ms",
                    file, r.format(), r.rows(), r.changed(), r.unchanged(), r.skipped(), r.took().toMillis());
        });
    }

    static int importGtfs(Settings settings, String[] args) {
        RegionArgument a = RegionArgument.of(args, "import-gtfs [--region R] DIR_OR_ZIP");
        Path path = onlyPath(a.rest(), "import-gtfs [--region R] DIR_OR_ZIP");
        return runImport(settings, "rejected, the previous timetable stays: ", kanal -> {
            GtfsImportResult r = kanal.gtfsImporter(a.region().orElse(kanal.region().code()))
                    .importPath(path, ImportCommands::rowsRead);
            kanal.gtfsImported();
            return String.format("imported feed %s (version %d): %,d stops, %,d trips, %,d stop times, in %d ms",
                    r.feed(), r.version(), r.stops(), r.trips(), r.stopTimes(), r.took().toMillis());
        });
    }

    /** {@code import-pack --region R FOLDER}: the folder's pack.yaml and items.csv, stored whole or not at all. */
    static int importPack(Settings settings, String[] args) {
        if (args.length != 3 || !args[0].equals("--region")) {
            throw new IllegalArgumentException("usage: import-pack --region REGION FOLDER");
        }
        Path folder = Path.of(args[2]);
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("no such folder: " + folder);
        }
        return runImport(settings, "rejected, nothing imported: ", kanal -> {
            if (kanal.regions().byCode(args[1]).isEmpty()) {
                throw new IllegalArgumentException("region '" + args[1] + "' is not a region of this deployment ("
                        + String.join(", ", kanal.regions().all().stream().map(Region::code).toList()) + ")");
            }
            PackImportResult r = kanal.packImporter().importPack(args[1], PackSource.folder(folder), "import-pack");
            return String.format("imported pack %s for %s: %d items (%d already expired, never shown), in %d ms;"
                    + " a running server shows them within a minute and learns new sentences at its next start",
                    r.code(), r.region(), r.items(), r.expired(), r.took().toMillis());
        });
    }

    /**
     * Runs one import on a Kanal opened for it, logging to stderr: prints the summary it returns
     * (exit code 0), or, when the import was rejected as a whole, {@code rejected} and why (exit code 1).
     */
    private static int runImport(Settings settings, String rejected, Function<Kanal, String> importer) {
        LogsToStderr.apply();
        try (Kanal kanal = Kanal.open(settings, Main.clock())) {
            System.out.println(importer.apply(kanal));
            return 0;
        } catch (RejectedImportException | PriceImportException e) {
            System.err.println(rejected + e.getMessage());
            return 1;
        }
    }

    private static void rowsRead(int rows) {
        System.err.printf("  %,d rows read%n", rows);
    }

    static int benchServices(Settings settings, String[] args) {
        LogsToStderr.apply();
        return ServicesBenchmark.run(args, System.out, timetable -> NluCommands.classifyLatency(timetable, System.out));
    }

    /** An optional leading {@code --region R}, and the arguments after it. */
    record RegionArgument(java.util.Optional<String> region, String[] rest) {
        static RegionArgument of(String[] args, String usage) {
            if (args.length > 0 && args[0].equals("--region")) {
                if (args.length < 2) {
                    throw new IllegalArgumentException("usage: " + usage);
                }
                return new RegionArgument(java.util.Optional.of(args[1]), java.util.Arrays.copyOfRange(args, 2, args.length));
            }
            return new RegionArgument(java.util.Optional.empty(), args);
        }
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
