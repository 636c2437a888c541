package id.kanal.app;

import id.kanal.channels.smpp.LocalSmsc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.time.Duration;
import id.kanal.dialog.Address;
import id.kanal.store.ussd.SqlUssdPendingTurns;
import id.kanal.dialog.Channel;
import id.kanal.dialog.port.OutboundMessage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two regions side by side over an operator's links: one resident texts each region's short code
 * over real SMPP (a local SMSC), and dials each region's USSD code through the gateway route.
 */
class RegionsOverSmppAndUssdTest {
    private static final String RESIDENT = "6281234567890";
    private static final String KOTA_CODE = "1500123";
    /** The Kabupaten's short code, as its region file names it. */
    private static final String KAB_CODE = "95222";
    /** The Kabupaten's USSD service code, as its region file names it. */
    private static final String KAB_USSD = "*500*22#";
    /** The link's USSD code: the home region's (Kota), as the README configures it. */
    private static final String LINK_USSD = "*123#";

    @TempDir
    Path dataDir;
    @TempDir
    Path regionsDir;
    private LocalSmsc smsc;
    private KanalHarness kanal;

    @BeforeEach
    void start() throws Exception {
        RegionsEndToEndTest.dropInKabupaten(regionsDir);
        smsc = LocalSmsc.start(0, "kanal", "rahasia");
        Map<String, String> env = new HashMap<>(Map.of("KANAL_SMPP_HOST", "127.0.0.1",
                "KANAL_SMPP_PORT", String.valueOf(smsc.port()), "KANAL_SMPP_SYSTEM_ID", "kanal",
                "KANAL_SMPP_PASSWORD", "rahasia", "KANAL_SMPP_SOURCE_ADDR", KOTA_CODE, "KANAL_SMPP_TPS", "200",
                "KANAL_USSD_ALLOWED_IPS", "127.0.0.1/32, ::1", "KANAL_REGIONS_DIR", regionsDir.toString()));
        // The link's own code, as the README sets it: the home region's, beside the Kabupaten's *500*22#.
        env.put("KANAL_SMPP_USSD_CODE", LINK_USSD);
        kanal = new KanalHarness(dataDir, Clock.fixed(Instant.parse("2026-11-23T03:00:00Z"), ZoneOffset.UTC), env);
        kanal.kanal().outbox().start();
        SmppEndToEndTest.await(() -> smsc.boundLinks() == 1, "Kanal to bind");
    }

    @AfterEach
    void stop() {
        kanal.close();
        smsc.close();
    }

    private String sms(String to, String text) {
        return SmppEndToEndTest.reply(smsc, RESIDENT, to, text);
    }

    private String ussd(String session, String serviceCode, String text) throws Exception {
        HttpResponse<String> res = kanal.http(kanal.formRequest("/channels/ussd", Map.of("sessionId", session,
                "serviceCode", serviceCode, "phoneNumber", "+" + RESIDENT, "networkCode", "51010", "text", text)));
        assertEquals(200, res.statusCode(), res.body());
        return res.body();
    }

    @Test
    void smppShortCodes_sameNumber_eachRegionAnswersItsOwn() {
        assertTrue(sms(KOTA_CODE, "halo").contains("Layanan Kota Tangerang"));
        assertTrue(sms(KAB_CODE, "halo").contains("Layanan Kabupaten Tangerang"));
        String kab = sms(KAB_CODE, "1");
        assertTrue(kab.contains("2 Sampah") && !kab.contains("Banjir"), kab);
        assertTrue(sms(KOTA_CODE, "1").contains("Banjir"));
    }

    @Test
    void ussdServiceCodes_sameNumber_eachRegionAnswersItsOwn() throws Exception {
        assertTrue(ussd("AT-kota-1", "*384*1234#", "").contains("Kota Tangerang"));
        String kab = ussd("AT-kab-1", "*500*22#", "");
        assertTrue(kab.startsWith("CON ") && kab.contains("Kabupaten Tangerang"), kab);
        String categories = ussd("AT-kab-1", "*500*22#", "1");
        assertTrue(categories.contains("2 Sampah") && !categories.contains("Banjir"), categories);
    }

    private static final String RESUME = "CON Sesi sebelumnya terputus. Lanjutkan?\n1 Ya\n2 Tidak";

    @Test
    void ussdDropInOneRegion_isNotOfferedOnTheOthersCode() throws Exception {
        ussd("AT-kota-d1", "*384*1234#", "");
        ussd("AT-kota-d1", "*384*1234#", "1");
        assertTrue(ussd("AT-kota-d1", "*384*1234#", "1*1").contains("lokasi"));
        // The Kota session drops mid-complaint; the resident dials the Kabupaten's code: its own menu.
        String kab = ussd("AT-kab-d2", "*500*22#", "");
        assertTrue(kab.contains("Kabupaten Tangerang") && !kab.contains("terputus"), kab);
    }

    @Test
    void ussdDropsOnBothCodes_eachCodeOffersItsOwnSession() throws Exception {
        ussd("AT-kab-d1", "*500*22#", "");
        String kabCategories = ussd("AT-kab-d1", "*500*22#", "1");
        assertTrue(kabCategories.contains("Sampah"), kabCategories);
        ussd("AT-kota-d1", "*384*1234#", "");
        ussd("AT-kota-d1", "*384*1234#", "1");
        String kotaWhere = ussd("AT-kota-d1", "*384*1234#", "1*1");
        assertTrue(kotaWhere.contains("lokasi"), kotaWhere);
        // Both sessions drop; each code, dialled again, offers to go on where that region's session was.
        assertEquals(RESUME, ussd("AT-kab-d2", "*500*22#", ""));
        assertEquals(kabCategories, ussd("AT-kab-d2", "*500*22#", "1"));
        assertEquals(RESUME, ussd("AT-kota-d2", "*384*1234#", ""));
        assertEquals(kotaWhere, ussd("AT-kota-d2", "*384*1234#", "1"));
    }

    @Test
    void ussdTurnHeldAcrossARestart_goesBackToItsRegion() {
        // A slow turn the gateway heard END for, held when Kanal stopped before it finished.
        String kabResident = new Address(Channel.USSD, "+" + RESIDENT).inRegion(RegionsEndToEndTest.KAB_REGION).value();
        new SqlUssdPendingTurns(kanal.kanal().database()).hold(new SqlUssdPendingTurns.PendingTurn("AT-kab-slow:0",
                kabResident, "MENU", kanal.kanal().clock().instant()));
        kanal.restart();
        List<String> late = kanal.kanal().database().read(c -> {
            List<String> rows = new java.util.ArrayList<>();
            try (var ps = c.prepareStatement("SELECT address, body FROM outbox WHERE kind = 'ussd-reply'");
                 var rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + " " + rs.getString(2));
                }
            }
            return rows;
        });
        assertEquals(1, late.size(), late.toString());
        assertTrue(late.get(0).startsWith(kabResident + " ") && late.get(0).contains("Kabupaten Tangerang"), late.get(0));
    }

    @Test
    void smppReplies_leaveFromTheShortCodeTheResidentTexted() {
        assertTrue(sms(KAB_CODE, "halo").contains("Kabupaten Tangerang"));
        assertEquals(Set.of(KAB_CODE), sources(), "the Kabupaten's short code, not the link's source address");
        int before = smsc.submitted().size();
        assertTrue(sms(KOTA_CODE, "halo").contains("Kota Tangerang"));
        assertEquals(Set.of(KOTA_CODE), sources(smsc.submitted().subList(before, smsc.submitted().size())));
    }

    @Test
    void ussdOverSmpp_eachCodesScreensLeaveFromTheCodeDialled() {
        // One link carries both regions' codes: the gateway puts the dialled code in destination_addr.
        smsc.ussd(RESIDENT, KAB_USSD, 1, KAB_USSD, 0x0b00);
        LocalSmsc.Submitted kab = smsc.await(s -> s.ussdOp().isPresent() && s.sessionInfo().equals(Optional.of(0x0b00)),
                Duration.ofSeconds(20));
        assertTrue(kab.text().contains("Kabupaten Tangerang"), kab.text());
        assertEquals(KAB_USSD, kab.from(), "the Kabupaten's code, not the link's source address");
        assertEquals(RESIDENT, kab.to());
        smsc.ussd(RESIDENT, KOTA_CODE, 1, "*123#", 0x0c00);
        LocalSmsc.Submitted kota = smsc.await(s -> s.ussdOp().isPresent() && s.sessionInfo().equals(Optional.of(0x0c00)),
                Duration.ofSeconds(20));
        assertTrue(kota.text().contains("Kota Tangerang"), kota.text());
        assertEquals(KOTA_CODE, kota.from());
        // The session goes on in its region and keeps answering from the code dialled.
        int before = smsc.submitted().size();
        smsc.ussd(RESIDENT, KAB_USSD, 18, "1", 0x0b00);
        LocalSmsc.Submitted categories = smsc.await(s -> smsc.submitted().indexOf(s) >= before
                && s.ussdOp().isPresent(), Duration.ofSeconds(20));
        assertTrue(categories.text().contains("Sampah") && !categories.text().contains("Banjir"), categories.text());
        assertEquals(KAB_USSD, categories.from());
    }

    @Test
    void ussdOverSmpp_theLongestKnownCodeDialledPicksTheRegionAndTheRestAreInputs() {
        // The SMSC sends the whole dial string; the link's own code does not override a region's.
        LocalSmsc.Submitted kab = dial(KAB_USSD, 0x0d00);
        assertTrue(kab.text().contains("Layanan Kabupaten Tangerang") && !kab.text().contains("Maaf"), kab.text());
        LocalSmsc.Submitted kabCategories = dial("*500*22*1#", 0x0e00);
        assertTrue(kabCategories.text().contains("2 Sampah") && !kabCategories.text().contains("Banjir"),
                kabCategories.text());
        // The session goes on in the Kabupaten: its second category.
        int before = smsc.submitted().size();
        smsc.ussd(RESIDENT, LINK_USSD, 18, "2", 0x0e00);
        LocalSmsc.Submitted describe = smsc.await(s -> smsc.submitted().indexOf(s) >= before && s.ussdOp().isPresent(),
                Duration.ofSeconds(20));
        assertTrue(describe.text().contains("Sampah"), describe.text());
        // The link's own code with an input: the home region, that input.
        LocalSmsc.Submitted kotaStatus = dial("*123*2#", 0x0f00);
        assertTrue(kotaStatus.text().contains("nomor tiket") && kotaStatus.text().contains("TNG"), kotaStatus.text());
    }

    /** Dials {@code dialString} as a new session on the link (the gateway routes it to the link's code). */
    private LocalSmsc.Submitted dial(String dialString, int sessionInfo) {
        smsc.ussd(RESIDENT, LINK_USSD, 1, dialString, sessionInfo);
        return smsc.await(s -> s.ussdOp().isPresent() && s.sessionInfo().equals(Optional.of(sessionInfo)),
                Duration.ofSeconds(20));
    }

    @Test
    void smppOutbox_toARegionsResident_leavesFromTheRegionsOwnNumber() {
        kanal.kanal().outboxQueue().enqueue(new OutboundMessage(
                new Address(Channel.SMS, "+" + RESIDENT).inRegion(RegionsEndToEndTest.KAB_REGION),
                "Laporan Anda sedang dikerjakan", "status-change", OutboundMessage.BULK, Optional.empty()),
                kanal.kanal().clock().instant());
        kanal.kanal().outbox().wake();
        LocalSmsc.Submitted sent = smsc.await(s -> s.text().contains("sedang dikerjakan"), Duration.ofSeconds(20));
        // The region file's first sms identity, on the wire without its "+".
        assertEquals(RegionsEndToEndTest.KAB_NUMBER.substring(1), sent.from());
        assertEquals(RESIDENT, sent.to());
    }

    private Set<String> sources() {
        return sources(smsc.submitted());
    }

    private static Set<String> sources(List<LocalSmsc.Submitted> submitted) {
        return submitted.stream().filter(s -> s.to().equals(RESIDENT)).map(LocalSmsc.Submitted::from)
                .collect(Collectors.toSet());
    }
}
