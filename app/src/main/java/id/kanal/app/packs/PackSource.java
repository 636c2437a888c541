package id.kanal.app.packs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a pack's two files are read from: a folder on disk ({@code import-pack}) or a folder of the
 * application's resources (the built-in region's example packs).
 *
 * @param name     the folder's name as messages show it
 * @param location a directory path, or a classpath folder when {@code classpath}
 */
public record PackSource(String name, String location, boolean classpath) {
    public static final String DEFINITION = "pack.yaml";
    public static final String ITEMS = "items.csv";

    public PackSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(location, "location");
    }

    public static PackSource folder(Path dir) {
        return new PackSource(dir.toString(), dir.toString(), false);
    }

    public static PackSource resource(String folder) {
        return new PackSource("classpath:" + folder, folder, true);
    }

    /** A file of the pack as text (UTF-8), or empty when the folder has no such file. */
    public Optional<String> read(String file) {
        try {
            if (classpath) {
                try (InputStream in = PackSource.class.getClassLoader().getResourceAsStream(location + "/" + file)) {
                    return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            Path p = Path.of(location, file);
            return Files.isRegularFile(p) ? Optional.of(Files.readString(p, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            throw new PackImportException(file, 0, "cannot be read: " + e.getMessage());
        }
    }
}
