package id.kanal.services.prices;

import id.kanal.dialog.port.PriceQuote;
import id.kanal.services.SharedData;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PriceImporterTest extends BoardTest {
    private static final String SIMPLE = """
            date,market,commodity,unit,price
            2025-11-13,Pasar Anyar,cabai rawit,kg,60000
            2025-11-20,Pasar Anyar,cabai rawit,kg,66000
            2025-11-20,Pasar Lama,Cabe Rawit,kg,64000
            2025-11-20,"Pasar Malabar",beras,kg,14500
            """;

    @Test
    void importCsv_sameFileTwice_changesNothing() {
        ImportResult first = importer.importCsv(new StringReader(SIMPLE), "test", n -> { });
        ImportResult second = importer.importCsv(new StringReader(SIMPLE), "test", n -> { });
        assertEquals(new ImportResult("simple", 4, 4, 0, 0, first.took()), first);
        assertEquals(0, second.changed());
        assertEquals(4, second.unchanged());
        assertEquals(66000, board.latest("cabai rawit", Optional.of("Pasar Anyar")).orElseThrow().rupiah());
    }

    @Test
    void importCsv_badNumber_rejectsWholeFileWithRowNumber() {
        String bad = SIMPLE + "2025-11-20,Pasar Lama,beras,kg,14.5rb\n";
        PriceImportException e = assertThrows(PriceImportException.class,
                () -> importer.importCsv(new StringReader(bad), "test", n -> { }));
        assertEquals(6, e.row());
        assertTrue(e.reason().contains("bad price '14.5rb'"), e.reason());
        assertTrue(board.commodities().isEmpty(), "nothing half-imported");
        assertTrue(board.latest("cabai rawit", Optional.empty()).isEmpty());
    }

    @Test
    void importCsv_missingColumn_rejectsAtHeader() {
        PriceImportException e = assertThrows(PriceImportException.class, () -> importer.importCsv(
                new StringReader("date,market,commodity,price\n2025-11-20,Pasar Lama,beras,14500\n"), "test", n -> { }));
        assertEquals(1, e.row());
        assertEquals("missing column unit", e.reason());
    }

    @Test
    void importCsv_badDateOrWrongUnit_namesTheRow() {
        PriceImportException date = assertThrows(PriceImportException.class, () -> importer.importCsv(
                new StringReader("date,market,commodity,unit,price\n20-11-2025,Pasar Lama,beras,kg,14500\n"), "t", n -> { }));
        assertEquals(2, date.row());
        PriceImportException unit = assertThrows(PriceImportException.class, () -> importer.importCsv(
                new StringReader("date,market,commodity,unit,price\n2025-11-20,Pasar Lama,beras,liter,14500\n"), "t", n -> { }));
        assertEquals(2, unit.row());
        assertTrue(unit.reason().contains("unit"), unit.reason());
    }

    @Test
    void importCsv_afterImport_cacheIsCleared() {
        importer.importCsv(new StringReader(SIMPLE), "test", n -> { });
        assertEquals(66000, board.latest("cabai rawit", Optional.of("Pasar Anyar")).orElseThrow().rupiah());
        importer.importCsv(new StringReader("date,market,commodity,unit,price\n2025-11-20,Pasar Anyar,cabai rawit,kg,70000\n"),
                "fix", n -> { });
        assertEquals(70000, board.latest("cabai rawit", Optional.of("Pasar Anyar")).orElseThrow().rupiah());
    }

    @Test
    void importFile_bapanasShared_importsRegionWideWithProgress() {
        Path csv = SharedData.require("prices/bapanas-kota-bandung.csv");
        List<Integer> progress = new ArrayList<>();
        ImportResult result = importer.importFile(csv, progress::add);
        assertEquals("bapanas", result.format());
        assertEquals(1625, result.rows());
        assertTrue(result.skipped() > 0, "zero prices mean no survey and are skipped");
        assertTrue(progress.size() >= 2 && progress.getLast() == result.changed(), progress.toString());

        PriceQuote rawit = board.latest("cabai rawit", Optional.empty()).orElseThrow();
        assertEquals(Optional.empty(), rawit.market());
        assertEquals(LocalDate.of(2025, 11, 16), rawit.date());
        assertEquals("kg", rawit.unit());
        assertTrue(rawit.weekEarlierRupiah().isPresent());
        assertEquals("liter", board.latest("minyak goreng", Optional.empty()).orElseThrow().unit());

        ImportResult again = importer.importFile(csv, n -> { });
        assertEquals(0, again.changed());
    }
}
