package id.kanal.app;

import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import id.kanal.store.testing.TestDatabase;
import id.kanal.store.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two regions side by side in one deployment: the built-in Kota Tangerang (the default) and
 * Kabupaten Tangerang, added by dropping its file into {@code KANAL_REGIONS_DIR}. One resident
 * texts both regions' numbers (signed Twilio SMS to two {@code To} numbers).
 */
@ExtendWith(TestDatabases.class)
class RegionsEndToEndTest {
    static final String RESIDENT = "+6281234567890";
    /** No region claims it: the default region's. */
    static final String KOTA_NUMBER = "+6221500123";
    /** Claimed by the Kabupaten's file. */
    static final String KAB_NUMBER = "+6221500222";
    static final String KAB_REGION = "kabupaten-tangerang";
    private static final Pattern TNG = Pattern.compile("TNG-\\d{6}");
    private static final Pattern KAB = Pattern.compile("KAB-\\d{6}");

    @TempDir
    Path dataDir;
    @TempDir
    Path regionsDir;
    private KanalHarness kanal;
    private final AtomicInteger sids = new AtomicInteger();

    /** Drops the test region's file into a regions directory, as an operator adds a region. */
    static void dropInKabupaten(Path regionsDir) throws Exception {
        try (InputStream in = RegionsEndToEndTest.class.getResourceAsStream("/regions/kabupaten-tangerang.yaml")) {
            Files.copy(in, regionsDir.resolve("kabupaten-tangerang.yaml"));
        }
    }

    @BeforeEach
    void start(TestDatabase database) throws Exception {
        dropInKabupaten(regionsDir);
        Map<String, String> env = new java.util.HashMap<>(database.env());
        env.put("KANAL_REGIONS_DIR", regionsDir.toString());
        kanal = new KanalHarness(dataDir, Clock.fixed(Instant.parse("2026-11-22T03:00:00Z"), ZoneOffset.UTC), env);
    }

    @AfterEach
    void stop() {
        kanal.close();
    }

    private String say(String to, String text) throws Exception {
        return say(kanal, "SM" + sids.incrementAndGet(), to, text);
    }

    /** {@link #RESIDENT} texts a region's number (a signed Twilio SMS to that {@code To}); Kanal's reply. */
    static String say(KanalHarness kanal, String sid, String to, String text) throws Exception {
        Map<String, String> form = KanalHarness.smsForm(sid, RESIDENT, text);
        form.put("To", to);
        HttpResponse<String> res = kanal.twilioPost("/channels/sms", form);
        assertEquals(200, res.statusCode(), res.body());
        return KanalHarness.replyText(res);
    }

    private static String ticket(Pattern pattern, String reply) {
        Matcher m = pattern.matcher(reply);
        assertTrue(m.find(), reply);
        return m.group();
    }

    @Test
    void sameNumber_twoRegionNumbers_twoConversationsEachWithItsServicesAndPrefix() throws Exception {
        assertTrue(say(KOTA_NUMBER, "halo").contains("Layanan Kota Tangerang"));
        assertTrue(say(KAB_NUMBER, "halo").contains("Layanan Kabupaten Tangerang"));
        // Each conversation is where its region left it, interleaved turn by turn.
        String kotaCategories = say(KOTA_NUMBER, "1");
        String kabCategories = say(KAB_NUMBER, "1");
        assertTrue(kotaCategories.contains("1 Jalan rusak") && kotaCategories.contains("Banjir"), kotaCategories);
        assertTrue(kabCategories.contains("1 Jalan rusak") && kabCategories.contains("2 Sampah"), kabCategories);
        assertFalse(kabCategories.contains("Banjir"), kabCategories);

        assertTrue(say(KOTA_NUMBER, "1").contains("Tulis masalah"));
        assertTrue(say(KAB_NUMBER, "2").contains("Tulis masalah"));
        say(KOTA_NUMBER, "Jalan berlubang besar di depan sekolah");
        say(KAB_NUMBER, "Sampah menumpuk seminggu tidak diangkut");
        assertTrue(say(KOTA_NUMBER, "Jl. Merdeka No. 12, Sukasari").contains("Balas YA"));
        assertTrue(say(KAB_NUMBER, "Jl. Raya Serang km 20, Cikupa").contains("Balas YA"));
        String kotaFiled = say(KOTA_NUMBER, "ya");
        String kabFiled = say(KAB_NUMBER, "ya");
        String tng = ticket(TNG, kotaFiled);
        String kab = ticket(KAB, kabFiled);
        assertTrue(kotaFiled.contains("Dinas PUPR"), kotaFiled);
        assertTrue(kabFiled.contains("Dinas Lingkungan Hidup dan Kebersihan"), kabFiled);

        // Each region's status answers its own tickets, for the same phone number.
        assertTrue(say(KAB_NUMBER, "status " + kab).startsWith("Laporan " + kab + " (Sampah"));
        assertTrue(say(KOTA_NUMBER, "status " + tng).startsWith("Laporan " + tng + " (Jalan rusak"));

        // Two conversations in the store: the default region's under the bare number.
        Kanal k = kanal.kanal();
        assertTrue(k.conversations().load(new Address(Channel.SMS, RESIDENT)).isPresent());
        assertTrue(k.conversations().load(new Address(Channel.SMS, RESIDENT).inRegion("kabupaten-tangerang")).isPresent());
        assertEquals("kabupaten-tangerang", k.complaintsOf("kabupaten-tangerang").orElseThrow().regionCode());
    }

    @Test
    void regionWording_isThatRegionsOnly() throws Exception {
        assertEquals("Sama-sama, salam dari Kabupaten Tangerang. Kirim MENU bila perlu bantuan lain.",
                say(KAB_NUMBER, "makasih"));
        assertEquals("Sama-sama. Kirim MENU bila perlu bantuan lain.", say(KOTA_NUMBER, "makasih"));
        // A key with dots in it ("not.understood") reads as one text key, not as nested settings.
        assertEquals("Maaf, pesan belum kami pahami (Kabupaten Tangerang). Kirim MENU.", say(KAB_NUMBER, "qwrtz zzkx"));
    }

    @Test
    void pricesImportedForARegion_areQuotedToItsResidentsOnly() throws Exception {
        kanal.kanal().priceImporter(KAB_REGION).importCsv(new java.io.StringReader("""
                date,market,commodity,unit,price
                2026-11-22,Pasar Curug,beras,kg,13100
                2026-11-22,Pasar Cikupa,beras,kg,13300
                """), "test", n -> { });
        String kab = say(KAB_NUMBER, "harga beras brp");
        assertEquals("Harga beras (22 Nov 2026): termurah Rp13.100/kg di Pasar Curug, termahal Rp13.300/kg di Pasar Cikupa.",
                kab);
        String kota = say(KOTA_NUMBER, "harga beras brp");
        assertTrue(kota.startsWith("Harga beras (22 Nov 2026): termurah"), kota);
        assertFalse(kota.contains("Pasar Curug") || kota.contains("Pasar Cikupa"), kota);
        // The default region's demo prices stay: a region's first real import removes only its own demo.
        assertFalse(kanal.kanal().prices().commodities().isEmpty());
    }

    private void importBeras(String region, String day, String market, long price) {
        kanal.kanal().priceImporter(region).importCsv(new java.io.StringReader("date,market,commodity,unit,price\n" + day
                + "," + market + ",beras,kg," + price + "\n"), "test", n -> { });
    }

    /** Queued alerts of a kind: {@code channel address|body}, oldest first. */
    private java.util.List<String> queued(String kind) {
        return kanal.kanal().database().read(c -> id.kanal.store.Statements.list(c, "SELECT channel, address, body "
                + "FROM outbox WHERE kind = ? ORDER BY created_at, address", rs -> rs.getString(1) + " " + rs.getString(2)
                + "|" + rs.getString(3), kind));
    }

    @Test
    void priceImportForARegion_alertsThatRegionsSubscribersOnly_inItsWording() throws Exception {
        importBeras(KAB_REGION, "2026-11-20", "Pasar Curug", 14_000); // the region's first prices: its marks
        // A region's residents subscribe to what its own board quotes.
        String kab = say(KAB_NUMBER, "DAFTAR HARGA beras");
        assertTrue(kab.startsWith("Anda terdaftar untuk info harga beras"), kab);
        assertTrue(say(KOTA_NUMBER, "DAFTAR HARGA beras").startsWith("Anda terdaftar untuk info harga beras"));
        assertEquals(java.util.List.of(), queued("price-alert"));
        importBeras(KAB_REGION, "2026-11-21", "Pasar Curug", 17_000); // +21 %: the Kabupaten's crossing
        assertEquals(java.util.List.of("sms " + RESIDENT + "@" + KAB_REGION + "|Info harga Kab. Tangerang: beras kini "
                + "Rp17.000/kg (naik 21% dari Rp14.000). BERHENTI HARGA untuk berhenti."), queued("price-alert"));

        // The Kota's board never moved with it; its own crossing alerts its own subscriber, in its words.
        importBeras("kota-tangerang", "2026-11-20", "Pasar Anyar", 14_000); // first real prices: the demo's marks go
        importBeras("kota-tangerang", "2026-11-21", "Pasar Anyar", 11_000); // -21 %
        // (The clock stands still: both alerts were queued at one instant, and are listed by address.)
        assertEquals(java.util.List.of("sms " + RESIDENT + "|Info harga: beras kini Rp11.000/kg (turun 21% dari Rp14.000). "
                + "BERHENTI HARGA untuk berhenti.", "sms " + RESIDENT + "@" + KAB_REGION + "|Info harga Kab. Tangerang: "
                + "beras kini Rp17.000/kg (naik 21% dari Rp14.000). BERHENTI HARGA untuk berhenti."), queued("price-alert"));
    }

    @Test
    void areasOfARegion_itsKelurahanSubscribeAndItsAreaAlertsReachOnlyItsResidents() throws Exception {
        assertTrue(say(KAB_NUMBER, "DAFTAR BANJIR bitung jaya").contains("Kel. Bitung Jaya"));
        assertEquals("Kelurahan \"sukasari\" tidak kami kenal. Tulis nama kelurahan/desa di Kabupaten Tangerang, "
                + "mis. DAFTAR BANJIR Cikupa.",
                say(KAB_NUMBER, "DAFTAR BANJIR Sukasari"));
        assertTrue(say(KOTA_NUMBER, "DAFTAR BANJIR Sukasari").contains("Kel. Sukasari"));
        assertTrue(say(KOTA_NUMBER, "DAFTAR BANJIR Bitung Jaya").startsWith("Kelurahan \"bitung jaya\" tidak kami kenal"));

        Kanal k = kanal.kanal();
        id.kanal.services.alerts.AreaAlerts kab = k.loop().areaAlerts(KAB_REGION).orElseThrow();
        id.kanal.services.alerts.AreaAlerts kota = k.loop().areaAlerts();
        assertEquals(java.util.List.of("Cikupa", "Curug"), java.util.List.copyOf(kab.areas().all().keySet()));
        String text = "Peringatan dini: Sungai Cisadane siaga 2 di Cikupa.";
        id.kanal.services.alerts.AlertFunnel sent = kab.send(id.kanal.services.alerts.Areas.Kind.KECAMATAN, "cikupa",
                text, "staff:kab");
        assertEquals(1, sent.estimate().recipients());
        assertEquals(java.util.List.of("sms " + RESIDENT + "@" + KAB_REGION + "|" + text
                + "\nBERHENTI BANJIR untuk berhenti menerima info ini."), queued("area-alert"));
        // Each region's desk lists and finds only the alerts it sent.
        assertEquals(java.util.List.of(sent.id()), kab.recent(5).stream().map(id.kanal.services.alerts.AlertFunnel::id)
                .toList());
        assertTrue(kota.recent(5).isEmpty());
        assertTrue(kota.funnel(sent.id()).isEmpty());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> kota.estimate(id.kanal.services.alerts.Areas.Kind.KELURAHAN, "Bitung Jaya", text));

        assertEquals(1, kota.send(id.kanal.services.alerts.Areas.Kind.KELURAHAN, "Sukasari", "Banjir di Sukasari.",
                "staff:kota").estimate().recipients());
        assertEquals(java.util.List.of("sms " + RESIDENT + "|Banjir di Sukasari.\nBERHENTI BANJIR untuk berhenti menerima "
                + "info ini.", "sms " + RESIDENT + "@" + KAB_REGION + "|" + text + "\nBERHENTI BANJIR untuk berhenti menerima "
                + "info ini."), queued("area-alert"));
    }

    @Test
    void eachRegionsClassifier_knowsItsOwnCategoriesAndMarkets() {
        importBeras(KAB_REGION, "2026-11-21", "Pasar Curug", 14_000);
        Kanal k = kanal.kanal();
        id.kanal.dialog.port.Intent kab = k.servicesOf(KAB_REGION).orElseThrow().classifier()
                .classify("sampah numpuk di pasar curug udah seminggu");
        assertEquals(java.util.Optional.of("kab-sampah"), kab.entity("category"), kab.toString());
        assertEquals(java.util.Optional.of("Pasar Curug"), kab.entity("location"), kab.toString());
        assertEquals(java.util.Optional.of("Pasar Curug"), k.servicesOf(KAB_REGION).orElseThrow().classifier()
                .classify("harga beras di pasar curug").entity("market"));
        // The default region's knows its own: its category codes, and no market of the Kabupaten's.
        id.kanal.dialog.port.Intent kota = k.classifier().classify("sampah numpuk di pasar curug udah seminggu");
        assertEquals(java.util.Optional.of("sampah"), kota.entity("category"), kota.toString());
        assertEquals(java.util.Optional.empty(), k.classifier().classify("harga beras di pasar curug").entity("market"));
    }

    @Test
    void gtfsImportForARegion_isThatRegionsTimetableOnly() {
        Kanal k = kanal.kanal();
        k.gtfsImporter(KAB_REGION).importFeed("trans-kab", id.kanal.services.timetable.GtfsSource.classpath("demo/gtfs"),
                "test", n -> { });
        assertEquals(java.util.Set.of("trans-kab"), k.timetableOf(KAB_REGION).orElseThrow().feeds().keySet());
        assertEquals(java.util.Set.of("demo"), k.timetable().feeds().keySet(), "the default region keeps its own");
        assertEquals(k.timetable(), k.timetableOf("kota-tangerang").orElseThrow());

        id.kanal.services.timetable.GtfsImportException refused = org.junit.jupiter.api.Assertions.assertThrows(
                id.kanal.services.timetable.GtfsImportException.class, () -> k.gtfsImporter(KAB_REGION).importFeed("demo",
                        id.kanal.services.timetable.GtfsSource.classpath("demo/gtfs"), "test", n -> { }));
        assertTrue(refused.getMessage().contains("is region kota-tangerang's"), refused.getMessage());
        assertEquals(java.util.Set.of("demo"), k.timetable().feeds().keySet());

        // After a restart each region reads its own feeds back from the database.
        kanal.restart();
        assertEquals(java.util.Set.of("trans-kab"), kanal.kanal().timetableOf(KAB_REGION).orElseThrow().feeds().keySet());
        assertEquals(java.util.Set.of("demo"), kanal.kanal().timetable().feeds().keySet());
    }

    @Test
    void twoRegionFilesWithOnePrefix_refusedAtStart() throws Exception {
        Files.writeString(regionsDir.resolve("copy.yaml"), Files.readString(regionsDir.resolve("kabupaten-tangerang.yaml"))
                .replace("code: kabupaten-tangerang", "code: kabupaten-copy")
                .replace("kab-", "copy-"));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> RegionFiles.loadAll(java.util.Optional.empty(), java.util.Optional.of(regionsDir)));
        assertTrue(e.getMessage().contains("ticket prefix KAB is in both"), e.getMessage());
        assertTrue(e.getMessage().contains("must be unique"), e.getMessage());
    }

    @Test
    void shortCodeOfTheRegion_withoutPlus_reachesIt() throws Exception {
        assertTrue(say("95222", "halo").contains("Layanan Kabupaten Tangerang"));
        assertTrue(say("6221500222", "menu").contains("Layanan Kabupaten Tangerang"));
    }
}
