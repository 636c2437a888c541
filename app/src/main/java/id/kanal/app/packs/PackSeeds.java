package id.kanal.app.packs;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The region file's packs, stored at start when the region has no pack of that code yet: a fresh
 * start answers with the example packs, and a pack an administrator imported is never replaced.
 */
public final class PackSeeds {
    /** The source recorded for packs stored from the region's own folders. */
    public static final String SOURCE = "region-file";

    private PackSeeds() {
    }

    /** @return the codes stored now */
    public static List<String> seedMissing(PackImporter importer, SqlContentPacks packs, String region,
                                           List<PackSource> folders) {
        Set<String> stored = packs.definitions().stream().map(PackDefinition::code).collect(Collectors.toSet());
        return folders.stream()
                .filter(f -> !stored.contains(PackParser.definition(f.read(PackSource.DEFINITION).orElseThrow(() ->
                        new PackImportException(PackSource.DEFINITION, 0, "missing in " + f.name()))).code()))
                .map(f -> importer.importPack(region, f, SOURCE).code())
                .toList();
    }
}
