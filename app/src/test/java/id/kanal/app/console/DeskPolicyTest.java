package id.kanal.app.console;

import id.kanal.channels.web.ClientErrorException;
import id.kanal.services.complaints.RegionDefinition;
import id.kanal.services.console.ConsoleComplaints;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The desk rules with two regions in one deployment: a region's account, a provincial one, an agency's. */
class DeskPolicyTest {
    private static final RegionDefinition TANGERANG = region("kota-tangerang", "Kota Tangerang", "TNG");
    private static final RegionDefinition SERANG = region("kota-serang", "Kota Serang", "SRG");
    private static final DeskDirectory DIRECTORY = new DeskDirectory(List.of(TANGERANG, SERANG));
    private static final DeskPolicy POLICY = new DeskPolicy(DIRECTORY);
    private static final ConsoleComplaints.Row TNG_ROAD = row("TNG-000001", "pupr", "Dinas PUPR");
    private static final ConsoleComplaints.Row SRG_ROAD = row("SRG-000001", "pupr", "Dinas PUPR");
    private static final ConsoleComplaints.Row TNG_RUBBISH = row("TNG-000002", "dlh", "Dinas Lingkungan Hidup");

    @Test
    void regionAccount_seesItsRegionOnly_provincialSeesEvery() {
        Session serang = session(Role.AGENT, DIRECTORY.desk(Optional.of("kota-serang"), Optional.empty()));
        ClientErrorException refused = assertThrows(ClientErrorException.class, () -> POLICY.check(serang, TNG_ROAD));
        assertEquals(403, refused.status());
        assertTrue(refused.getMessage().contains("not a complaint of region kota-serang"), refused.getMessage());
        assertEquals(List.of(SRG_ROAD), POLICY.visible(serang, List.of(TNG_ROAD, SRG_ROAD, TNG_RUBBISH)));

        Session provincial = session(Role.SUPERVISOR, DIRECTORY.desk(Optional.of("all"), Optional.empty()));
        assertEquals(List.of(TNG_ROAD, SRG_ROAD, TNG_RUBBISH), POLICY.visible(provincial, List.of(TNG_ROAD, SRG_ROAD,
                TNG_RUBBISH)));
        POLICY.checkReassign(provincial, SRG_ROAD);
    }

    @Test
    void agencyAccount_ofOneRegion_seesThatAgencyThere_andNoMoveWithoutTheSupervisorRole() {
        Session pupr = session(Role.AGENT, DIRECTORY.desk(Optional.empty(), Optional.of("pupr")));
        assertEquals(Optional.of("kota-tangerang"), pupr.desk().region(), "the default region");
        assertEquals(List.of(TNG_ROAD), POLICY.visible(pupr, List.of(TNG_ROAD, SRG_ROAD, TNG_RUBBISH)));
        assertTrue(assertThrows(ClientErrorException.class, () -> POLICY.check(pupr, TNG_RUBBISH)).getMessage()
                .contains("routed to Dinas Lingkungan Hidup; your account works on the complaints of Dinas PUPR only"));
        assertTrue(assertThrows(ClientErrorException.class, () -> POLICY.checkReassign(pupr, TNG_ROAD)).getMessage()
                .contains("supervisor's action"));
        ConsoleComplaints.Filter any = new ConsoleComplaints.Filter(Optional.empty(), Optional.empty(), Optional.empty(),
                false, 200);
        assertEquals(Optional.of("pupr"), POLICY.scope(pupr, any).agency(), "lists narrowed to the agency");
        assertThrows(ClientErrorException.class, () -> POLICY.scope(pupr, new ConsoleComplaints.Filter(Optional.empty(),
                Optional.empty(), Optional.of("dlh"), false, 200)));
    }

    @Test
    void directory_refusesUnknownRegionsAndAgencies() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DIRECTORY.desk(Optional.of("atlantis"),
                Optional.empty())).getMessage().contains("known: kota-tangerang, kota-serang, or all"));
        assertThrows(IllegalArgumentException.class, () -> DIRECTORY.desk(Optional.of("kota-serang"), Optional.of("nasa")));
        assertEquals(new Desk(Optional.empty(), Optional.of("dlh")), DIRECTORY.desk(Optional.of("ALL"), Optional.of("DLH")));
        assertEquals(Desk.EVERYWHERE, DeskDirectory.EMPTY.desk(Optional.empty(), Optional.empty()));
    }

    private static Session session(Role role, Desk desk) {
        return new Session("hash", "someone", role, "csrf", Instant.EPOCH, desk);
    }

    private static ConsoleComplaints.Row row(String ticket, String agency, String agencyName) {
        return new ConsoleComplaints.Row(ticket, "ASSIGNED", "jalan-rusak", "Jalan rusak", agency, agencyName, "-", "sms",
                "+62", 0, 0, 0, false);
    }

    private static RegionDefinition region(String code, String name, String prefix) {
        return new RegionDefinition(code, name, prefix, List.of(new RegionDefinition.Agency("pupr", "Dinas PUPR"),
                new RegionDefinition.Agency("dlh", "Dinas Lingkungan Hidup")),
                List.of(new RegionDefinition.CategoryDefinition("jalan-rusak", "Jalan rusak", "Damaged road", "pupr",
                        List.of("jalan"), 14)));
    }
}
