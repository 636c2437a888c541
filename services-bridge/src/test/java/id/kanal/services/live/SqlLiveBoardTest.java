package id.kanal.services.live;

import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import id.kanal.dialog.port.ComplaintStatus;
import id.kanal.dialog.port.NewComplaint;
import id.kanal.dialog.testing.MutableClock;
import id.kanal.services.complaints.RegionDefinition;
import id.kanal.services.complaints.SqlComplaintDesk;
import id.kanal.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Two regions' complaints in one database: each board counts its own (by ticket prefix), none of the other's. */
class SqlLiveBoardTest {
    private static final RegionDefinition TANGERANG = new RegionDefinition("kota-tangerang", "Kota Tangerang", "TNG",
            List.of(new RegionDefinition.Agency("pupr", "Dinas PUPR")),
            List.of(new RegionDefinition.CategoryDefinition("jalan-rusak", "Jalan rusak", "Damaged road", "pupr",
                    List.of("jalan"), 14)));
    private static final RegionDefinition SERANG = new RegionDefinition("kota-serang", "Kota Serang", "SRG",
            List.of(new RegionDefinition.Agency("dlh-serang", "DLH Kota Serang")),
            List.of(new RegionDefinition.CategoryDefinition("sampah-serang", "Sampah", "Rubbish", "dlh-serang",
                    List.of("sampah"), 3)));

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T03:00:00Z"));
    private int keys;

    @Test
    void eachRegionsBoard_countsItsOwnComplaints_andTheOtherRegionIsUnknownToNeither() {
        try (Database db = Database.openSqlite(dir)) {
            SqlComplaintDesk tangerang = SqlComplaintDesk.open(db, TANGERANG, clock);
            SqlComplaintDesk serang = SqlComplaintDesk.open(db, SERANG, clock);
            String road = file(tangerang, "jalan-rusak", "Jl. A");
            file(tangerang, "jalan-rusak", "Jl. B");
            String rubbish = file(serang, "sampah-serang", "Jl. C");
            clock.advance(Duration.ofDays(1));
            tangerang.changeStatus(road, ComplaintStatus.IN_PROGRESS, "agent:a", "");
            clock.advance(Duration.ofHours(12));
            tangerang.changeStatus(road, ComplaintStatus.RESOLVED, "agent:a", "");
            clock.advance(Duration.ofDays(3)); // the Serang rubbish (3 days) is overdue now
            LiveBoard board = new SqlLiveBoard(db, clock, List.of(TANGERANG, SERANG), Duration.ZERO);

            assertEquals(List.of(new LiveRegion("kota-tangerang", "Kota Tangerang"), new LiveRegion("kota-serang",
                    "Kota Serang")), board.regions());
            LiveFigures tng = board.figures("kota-tangerang").orElseThrow();
            assertEquals(new Tally(1, 0, 1, 0, 0), tng.total());
            assertEquals(List.of(new LiveRow("pupr", "Dinas PUPR", new Tally(1, 0, 1, 0, 0))), tng.byAgency());
            assertEquals(1.5, tng.medianDaysToResolution(), "filed, resolved a day and a half later");
            LiveFigures srg = board.figures("kota-serang").orElseThrow();
            assertEquals(new Tally(1, 0, 0, 0, 1), srg.total());
            assertEquals(List.of(new LiveRow("sampah-serang", "Sampah", new Tally(1, 0, 0, 0, 1))), srg.byCategory());
            assertNull(srg.medianDaysToResolution());
            assertEquals(Optional.empty(), board.figures("kota-bekasi"));
            assertEquals("SRG-000001", rubbish);

            // The region file renamed its agency and category: the complaints routed before still count, by their stored names.
            RegionDefinition renamed = new RegionDefinition("kota-tangerang", "Kota Tangerang", "TNG",
                    List.of(new RegionDefinition.Agency("dpupr", "DPUPR")),
                    List.of(new RegionDefinition.CategoryDefinition("jalan", "Jalan", "Road", "dpupr", List.of("jalan"), 14)));
            LiveFigures after = new SqlLiveBoard(db, clock, List.of(renamed), Duration.ZERO).figures("kota-tangerang")
                    .orElseThrow();
            assertEquals(List.of(new LiveRow("dpupr", "DPUPR", Tally.ZERO), new LiveRow("pupr", "Dinas PUPR",
                    new Tally(1, 0, 1, 0, 0))), after.byAgency());
            assertEquals("Jalan rusak", after.byCategory().get(1).name());
        }
    }

    @Test
    void medianDays_oddAndEvenCounts_oneDecimal() {
        long day = 86_400_000L;
        assertNull(SqlLiveBoard.medianDays(List.of()));
        assertEquals(2.0, SqlLiveBoard.medianDays(List.of(3 * day, day, 2 * day)));
        assertEquals(1.5, SqlLiveBoard.medianDays(List.of(day, 2 * day)));
    }

    private String file(SqlComplaintDesk desk, String category, String place) {
        keys++;
        return desk.file(new NewComplaint("k" + keys, new Address(Channel.SMS, "+62812000000" + keys), category, place,
                "Rusak", Optional.empty(), List.of())).ticket();
    }
}
