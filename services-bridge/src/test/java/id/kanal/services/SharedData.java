package id.kanal.services;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Path;
import java.util.Optional;

/** The third-party feeds in {@code shared/data} (never copied into the repository); tests skip without them. */
public final class SharedData {
    private SharedData() {
    }

    /** The folder, or the calling test is skipped with a message saying why. */
    public static Path require(String relative) {
        Optional<Path> dir = ServicesBenchmark.findSharedData(Path.of("").toAbsolutePath());
        Assumptions.assumeTrue(dir.isPresent(),
                "shared/data not found above " + Path.of("").toAbsolutePath() + ": skipping a test that reads real feeds");
        Path p = dir.get().resolve(relative);
        Assumptions.assumeTrue(p.toFile().exists(), "shared/data/" + relative + " missing: skipping");
        return p;
    }
}
