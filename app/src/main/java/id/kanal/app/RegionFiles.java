package id.kanal.app;

import id.kanal.app.packs.PackSource;
import id.kanal.services.complaints.RegionDefinition;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Reads a region's definition from YAML: the built-in Kota Tangerang, or a partner region's file. */
final class RegionFiles {
    private static final String BUILT_IN = "regions/kota-tangerang.yaml";

    private RegionFiles() {
    }

    static RegionDefinition load(Optional<Path> file) {
        Config config;
        if (file.isPresent()) {
            if (!Files.isReadable(file.get())) {
                throw new IllegalArgumentException("KANAL_REGION_FILE is not a readable file: " + file.get());
            }
            config = Config.just(ConfigSources.file(file.get()));
        } else {
            config = Config.just(ConfigSources.classpath(BUILT_IN));
        }
        return parse(config);
    }

    /**
     * The region's content pack folders ({@code packs:}, paths beside the region file, or beside the
     * built-in one in the application's resources), stored at start when missing.
     */
    static List<PackSource> packFolders(Optional<Path> file) {
        Config config = file.map(f -> Config.just(ConfigSources.file(f)))
                .orElseGet(() -> Config.just(ConfigSources.classpath(BUILT_IN)));
        List<String> folders = config.get("packs").asList(String.class).orElse(List.of());
        return folders.stream().map(folder -> file
                .map(f -> PackSource.folder(f.toAbsolutePath().getParent().resolve(folder)))
                .orElseGet(() -> PackSource.resource("regions/" + folder))).toList();
    }

    static RegionDefinition parse(Config c) {
        List<RegionDefinition.Agency> agencies = c.get("agencies").asNodeList().orElse(List.of()).stream()
                .map(a -> new RegionDefinition.Agency(required(a, "code"), required(a, "name")))
                .toList();
        List<RegionDefinition.CategoryDefinition> categories = c.get("categories").asNodeList().orElse(List.of())
                .stream()
                .map(k -> new RegionDefinition.CategoryDefinition(required(k, "code"), required(k, "name-id"),
                        k.get("name-en").asString().orElse(required(k, "name-id")), required(k, "agency"),
                        k.get("keywords").asList(String.class).orElse(List.of()),
                        k.get("resolution-days").asInt().orElse(14)))
                .toList();
        return new RegionDefinition(required(c, "code"), required(c, "name"), required(c, "ticket-prefix"),
                agencies, categories);
    }

    private static String required(Config node, String key) {
        return node.get(key).asString().orElseThrow(() ->
                new IllegalArgumentException("region file: missing key " + node.get(key).key()));
    }
}
