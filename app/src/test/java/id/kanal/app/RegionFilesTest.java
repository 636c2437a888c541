package id.kanal.app;

import id.kanal.services.alerts.Areas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A region file's {@code areas}, {@code areas-file} and {@code open311} keys, and the mistakes refused with their key. */
class RegionFilesTest {
    private static final String HEAD = """
            code: kabupaten-x
            name: Kabupaten X
            ticket-prefix: KBX
            agencies: [{code: x-pupr, name: Dinas PUPR X}]
            categories: [{code: x-jalan, name-id: Jalan rusak, agency: x-pupr}]
            """;

    @TempDir
    Path dir;

    private Region region(String more) throws IOException {
        Path file = dir.resolve("x.yaml");
        Files.writeString(file, HEAD + more);
        return RegionFiles.region(Optional.of(file));
    }

    private String refused(String more) {
        return assertThrows(IllegalArgumentException.class, () -> region(more)).getMessage();
    }

    @Test
    void areasFile_isReadBesideTheRegionFile() throws Exception {
        Files.writeString(dir.resolve("x-areas.csv"), """
                kecamatan,kelurahan
                # a comment
                Cikupa,Cikupa
                Cikupa,Bitung Jaya
                Curug,Kadu
                """);
        Areas areas = region("areas-file: x-areas.csv\n").areas().orElseThrow();
        assertEquals(Map.of("Cikupa", List.of("Cikupa", "Bitung Jaya"), "Curug", List.of("Kadu")), areas.all());
        assertEquals(Optional.of("Bitung Jaya"), areas.kelurahan("bitungjaya"));

        Files.writeString(dir.resolve("bad.csv"), "Cikupa,Cikupa\nCurug\n");
        assertTrue(refused("areas-file: bad.csv\n").contains("line 2 is not kecamatan,kelurahan"));
        assertTrue(refused("areas-file: x-areas.csv\nareas: [{kecamatan: A, kelurahan: [B]}]\n")
                .contains("areas or areas-file, not both"));
    }

    @Test
    void areasInline_andNone() throws Exception {
        Areas areas = region("areas:\n  - kecamatan: Curug\n    kelurahan: [Curug Kulon, Kadu]\n").areas().orElseThrow();
        assertEquals(List.of("Curug Kulon", "Kadu"), areas.kelurahanIn(Areas.Kind.KECAMATAN, "curug"));
        assertEquals(Optional.empty(), region("").areas());
        assertTrue(refused("areas:\n  - kecamatan: Curug\n").contains("kelurahan"));
    }

    @Test
    void open311_endpointKeyVariableJurisdictionAndInterval() throws Exception {
        Region.Open311Desk desk = region("""
                open311:
                  endpoint: https://311.x.go.id/open311/v2/
                  api-key-env: KANAL_X_KEY
                  jurisdiction: x.go.id
                  poll-interval: PT2M
                """).open311().orElseThrow();
        assertEquals(new Region.Open311Desk(URI.create("https://311.x.go.id/open311/v2/"), Optional.of("KANAL_X_KEY"),
                Optional.of("x.go.id"), Optional.of(Duration.ofMinutes(2))), desk);
        assertEquals(Optional.empty(), region("").open311());

        assertTrue(refused("open311:\n  jurisdiction: x\n").contains("missing key open311.endpoint"));
        assertTrue(refused("open311:\n  endpoint: ftp://x\n").contains("open311.endpoint must be a URL"));
        assertTrue(refused("open311:\n  endpoint: https://x.go.id/\n  poll-interval: soon\n")
                .contains("open311.poll-interval must be a positive ISO-8601 duration"));
        String secret = refused("open311:\n  endpoint: https://x.go.id/\n  api-key: s3cret\n");
        assertTrue(secret.contains("a region file holds no secret") && !secret.contains("s3cret"), secret);
    }
}
