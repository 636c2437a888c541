package id.kanal.app;

import id.kanal.app.packs.PackImportException;
import id.kanal.app.packs.PackSource;
import id.kanal.dialog.port.Pack;
import id.kanal.store.testing.TestDatabase;
import id.kanal.store.testing.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code import-pack}: a folder whole or not at all, a bad row named by its line, the menu place kept. */
@ExtendWith(TestDatabases.class)
class PackImportTest {
    private static final String REGION = "kota-tangerang";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T03:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dataDir;
    @TempDir
    Path folders;
    /** SQLite in the data directory, or PostgreSQL in PackImportOnPostgresTest. */
    private Map<String, String> databaseEnv;

    @BeforeEach
    void database(TestDatabase database) {
        databaseEnv = database.env();
    }

    /** A copy of a built-in example pack, to edit. */
    private Path copy(String pack, String as) throws Exception {
        PackSource builtIn = PackSource.resource("regions/kota-tangerang/packs/" + pack);
        Path dir = Files.createDirectories(folders.resolve(as));
        Files.writeString(dir.resolve(PackSource.DEFINITION), builtIn.read(PackSource.DEFINITION).orElseThrow());
        Files.writeString(dir.resolve(PackSource.ITEMS), builtIn.read(PackSource.ITEMS).orElseThrow());
        return dir;
    }

    private static Pack pack(Kanal kanal, String code) {
        return kanal.packs().byCode(code).orElseThrow();
    }

    @Test
    void badRow_rejectsTheWholeFolder_namingTheRow_andTheStoredPackStays() throws Exception {
        Path jobs = copy("lowongan-kerja", "jobs");
        Files.writeString(jobs.resolve(PackSource.ITEMS), "Montir,PT Baru,Periuk,2027-02-01\n"
                + "Montir kedua,PT Baru,Periuk,31/12/2026\n", java.nio.file.StandardOpenOption.APPEND);
        try (Kanal kanal = Kanal.open(KanalHarness.settings(dataDir, databaseEnv), CLOCK)) {
            assertEquals(16, pack(kanal, "lowongan-kerja").items().size());
            PackImportException e = assertThrows(PackImportException.class,
                    () -> kanal.packImporter().importPack(REGION, PackSource.folder(jobs), "test"));
            assertEquals(19, e.row(), e.getMessage()); // header 1, 16 example rows, the good new one 18
            assertEquals("items.csv row 19: tutup '31/12/2026' is not a date written yyyy-mm-dd", e.getMessage());
            assertEquals(16, pack(kanal, "lowongan-kerja").items().size());
            assertTrue(pack(kanal, "lowongan-kerja").items().stream().noneMatch(i -> i.get("posisi").startsWith("Montir")));
            kanal.packs().reload();
            assertEquals(16, pack(kanal, "lowongan-kerja").items().size(), "nothing of it in the database either");
        }
    }

    @Test
    void rowOfTheWrongWidth_andMissingWording_areRejectedByName() throws Exception {
        Path jobs = copy("lowongan-kerja", "jobs");
        Files.writeString(jobs.resolve(PackSource.ITEMS), "posisi,perusahaan,kecamatan,tutup\nSatpam,PT A,Cibodas,2027-01-01\n"
                + "Kasir,PT B,2027-01-01\n");
        Path numbers = copy("nomor-penting", "numbers");
        String yaml = Files.readString(numbers.resolve(PackSource.DEFINITION));
        Files.writeString(numbers.resolve(PackSource.DEFINITION), yaml.replace("  en: Important numbers\n", ""));
        try (Kanal kanal = Kanal.open(KanalHarness.settings(dataDir, databaseEnv), CLOCK)) {
            assertEquals("items.csv row 3: expected 4 fields, found 3", assertThrows(PackImportException.class,
                    () -> kanal.packImporter().importPack(REGION, PackSource.folder(jobs), "test")).getMessage());
            assertEquals("pack.yaml: missing key menu.en", assertThrows(PackImportException.class,
                    () -> kanal.packImporter().importPack(REGION, PackSource.folder(numbers), "test")).getMessage());
        }
    }

    @Test
    void reimport_replacesTheItems_keepsTheMenuPlace_andANewPackGoesLast() throws Exception {
        Path jobs = copy("lowongan-kerja", "jobs");
        Files.writeString(jobs.resolve(PackSource.ITEMS), "posisi,perusahaan,kecamatan,tutup\nMontir,PT Baru,Periuk,2027-02-01\n");
        Path hospitals = copy("nomor-penting", "hospitals");
        String yaml = Files.readString(hospitals.resolve(PackSource.DEFINITION));
        Files.writeString(hospitals.resolve(PackSource.DEFINITION), yaml.replace("code: nomor-penting", "code: rumah-sakit"));
        try (Kanal kanal = Kanal.open(KanalHarness.settings(dataDir, databaseEnv), CLOCK)) {
            assertEquals(1, kanal.packImporter().importPack(REGION, PackSource.folder(jobs), "test").items());
            kanal.packImporter().importPack(REGION, PackSource.folder(hospitals), "test");
            assertEquals(List.of("lowongan-kerja", "wisata", "perizinan", "nomor-penting", "rumah-sakit"),
                    kanal.packs().packs().stream().map(Pack::code).toList());
            assertEquals(List.of(Map.of("posisi", "Montir", "perusahaan", "PT Baru", "kecamatan", "Periuk",
                    "tutup", "2027-02-01")), pack(kanal, "lowongan-kerja").items());
            assertEquals("test", kanal.packs().freshness().getFirst().source());
            assertEquals("region-file", kanal.packs().freshness().get(1).source());
        }
        try (Kanal again = Kanal.open(KanalHarness.settings(dataDir, databaseEnv), CLOCK)) {
            assertEquals(1, pack(again, "lowongan-kerja").items().size(), "an imported pack is not replaced by the example");
        }
    }

    @Test
    void command_importsAFolder_refusesABadOne_andAnotherRegion() throws Exception {
        Path jobs = copy("lowongan-kerja", "jobs");
        Map<String, String> env = new java.util.HashMap<>(databaseEnv);
        env.putAll(Map.of("KANAL_DATA_DIR", dataDir.toString(), "KANAL_PORT", "0"));
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(0, Main.run(new String[] {"import-pack", "--region", REGION, jobs.toString()}, env, quiet, quiet));
        Files.writeString(jobs.resolve(PackSource.ITEMS), "Montir,PT Baru,Periuk,kemarin\n",
                java.nio.file.StandardOpenOption.APPEND);
        assertEquals(1, Main.run(new String[] {"import-pack", "--region", REGION, jobs.toString()}, env, quiet, quiet));
        assertEquals(2, Main.run(new String[] {"import-pack", "--region", "kota-bandung", jobs.toString()}, env, quiet,
                new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("region 'kota-bandung' is not a region of this deployment"),
                err.toString(StandardCharsets.UTF_8));
        try (Kanal kanal = Kanal.open(KanalHarness.settings(dataDir, databaseEnv), CLOCK)) {
            assertEquals(16, pack(kanal, "lowongan-kerja").items().size());
            assertEquals("import-pack", kanal.packs().freshness().getFirst().source());
        }
    }
}
