package id.kanal.intents;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the third-party benchmark folder {@code shared/data} by walking up from the working
 * directory. Its files are read in place, never copied into the repository.
 */
public final class SharedData {
    private SharedData() {
    }

    public static Optional<Path> find() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("shared").resolve("data");
            if (Files.isRegularFile(candidate.resolve("SOURCES.md"))) {
                return Optional.of(candidate);
            }
            dir = dir.getParent();
        }
        return Optional.empty();
    }

    /** The file under shared/data, or the test is skipped (not failed) with a message saying why. */
    public static Path require(String relative) {
        Optional<Path> root = find();
        Assumptions.assumeTrue(root.isPresent(),
                "shared/data not found above " + Path.of("").toAbsolutePath() + ": benchmark test skipped");
        Path file = root.get().resolve(relative);
        Assumptions.assumeTrue(Files.exists(file), "shared/data/" + relative + " missing: benchmark test skipped");
        return file;
    }
}
