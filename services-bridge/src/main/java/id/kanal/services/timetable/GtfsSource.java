package id.kanal.services.timetable;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Where the files of a GTFS feed come from: a directory, a zip, the classpath, or texts in memory. */
public interface GtfsSource {
    /** The text of a feed file ("stops.txt"), empty when the feed does not have it. */
    Optional<String> read(String fileName);

    /** A directory of {@code *.txt} files or a {@code .zip} (files at its root or in one folder). */
    static GtfsSource of(Path dirOrZip) {
        if (Files.isDirectory(dirOrZip)) {
            return name -> {
                Path file = dirOrZip.resolve(name);
                try {
                    return Files.exists(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + file, e);
                }
            };
        }
        if (!Files.isRegularFile(dirOrZip)) {
            throw new IllegalArgumentException("no GTFS directory or zip at " + dirOrZip);
        }
        return name -> {
            try (ZipFile zip = new ZipFile(dirOrZip.toFile())) {
                ZipEntry entry = zip.stream()
                        .filter(e -> !e.isDirectory() && (e.getName().equals(name) || e.getName().endsWith("/" + name)))
                        .findFirst().orElse(null);
                if (entry == null) {
                    return Optional.empty();
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + name + " from " + dirOrZip, e);
            }
        };
    }

    /** Files under a classpath folder, e.g. {@code demo/gtfs}. */
    static GtfsSource classpath(String folder) {
        return name -> {
            try (InputStream in = GtfsSource.class.getResourceAsStream("/" + folder + "/" + name)) {
                return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read classpath " + folder + "/" + name, e);
            }
        };
    }

    /** Files held in memory, by name (tests; a feed reloaded from the database). */
    static GtfsSource ofTexts(Map<String, String> files) {
        Map<String, String> copy = Map.copyOf(files);
        return name -> Optional.ofNullable(copy.get(name));
    }
}
