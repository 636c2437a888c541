package id.kanal.app;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A database that served one region before regions existed (schema V110, a complaint filed)
 * opens in a two-region deployment without loss: its agencies, categories and prices become the
 * default region's, its complaint answers its resident, its price alert marks and area alerts are
 * the default region's, and its ticket counter goes on.
 */
class RegionsMigrationTest {
    private static final Instant FILED = Instant.parse("2026-11-20T03:00:00Z");

    @TempDir
    Path dataDir;
    @TempDir
    Path regionsDir;

    @Test
    void singleRegionDatabase_opensWithTwoRegions_nothingLostAndCounterGoesOn() throws Exception {
        String url = "jdbc:sqlite:" + dataDir.resolve("kanal.db").toAbsolutePath();
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target("110").load().migrate();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO region VALUES ('kota-tangerang', 'Kota Tangerang', 'TNG', 8)");
            s.executeUpdate("INSERT INTO agency VALUES ('pupr', 'Dinas PUPR')");
            s.executeUpdate("INSERT INTO category VALUES ('jalan-rusak', 0, 'Jalan rusak', 'Damaged road', 'pupr', "
                    + "'jalan', 14)");
            s.executeUpdate("INSERT INTO complaint (ticket, idempotency_key, category_code, agency_code, location, "
                    + "description, reporter_channel, reporter_address, status, filed_at, updated_at) VALUES "
                    + "('TNG-000007', 'sms:SM-old', 'jalan-rusak', 'pupr', 'Jl. Lama 1', 'Jalan berlubang', 'sms', "
                    + "'" + RegionsEndToEndTest.RESIDENT + "', 'ASSIGNED', " + FILED.toEpochMilli() + ", "
                    + FILED.toEpochMilli() + ")");
            s.executeUpdate("INSERT INTO complaint_history VALUES ('TNG-000007', 1, 'ASSIGNED', " + FILED.toEpochMilli()
                    + ", 'system', 'routed to Dinas PUPR')");
            s.executeUpdate("INSERT INTO price_commodity VALUES ('beras', 'kg', '')");
            s.executeUpdate("INSERT INTO price VALUES ('beras', 'Pasar Lama', '2026-11-21', 14200, 'old.csv', "
                    + FILED.toEpochMilli() + ")");
            s.executeUpdate("INSERT INTO price_alert_mark VALUES ('beras', 14200, '2026-11-21', " + FILED.toEpochMilli()
                    + ")");
            s.executeUpdate("INSERT INTO area_alert VALUES ('alert-old', 'kelurahan', 'Sukasari', 'Banjir', 'staff:ani', "
                    + FILED.toEpochMilli() + ", 0, 0, 0)");
        }
        RegionsEndToEndTest.dropInKabupaten(regionsDir);

        try (KanalHarness kanal = new KanalHarness(dataDir, Clock.fixed(Instant.parse("2026-11-22T03:00:00Z"),
                ZoneOffset.UTC), Map.of("KANAL_REGIONS_DIR", regionsDir.toString()))) {
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT region_code FROM category WHERE code = 'jalan-rusak'")) {
                assertTrue(rs.next());
                assertEquals("kota-tangerang", rs.getString(1));
            }
            // The price alert marks and the area alerts sent become the default region's (V123).
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT region_code, rupiah FROM price_alert_mark WHERE commodity = 'beras'")) {
                assertTrue(rs.next());
                assertEquals("kota-tangerang", rs.getString(1));
                assertEquals(14200, rs.getLong(2));
            }
            assertEquals(java.util.List.of("alert-old"), kanal.kanal().loop().areaAlerts().recent(5).stream()
                    .map(id.kanal.services.alerts.AlertFunnel::id).toList());
            assertTrue(kanal.kanal().loop().areaAlerts(RegionsEndToEndTest.KAB_REGION).orElseThrow().recent(5).isEmpty());
            String price = say(kanal, "SM0", "harga beras di pasar lama");
            assertTrue(price.startsWith("Harga beras di Pasar Lama: Rp14.200/kg (21 Nov 2026)"), price);
            String status = say(kanal, "SM1", "status TNG-000007");
            assertTrue(status.startsWith("Laporan TNG-000007 (Jalan rusak, Jl. Lama 1"), status);
            say(kanal, "SM2", "lapor jalan rusak");
            say(kanal, "SM3", "Jalan berlubang lagi di depan pasar");
            say(kanal, "SM4", "Jl. Baru 2, Sukasari");
            String filed = say(kanal, "SM5", "ya");
            assertTrue(filed.contains("TNG-000008"), filed);
        }
    }

    private static String say(KanalHarness kanal, String sid, String text) throws Exception {
        HttpResponse<String> res = kanal.sms(sid, RegionsEndToEndTest.RESIDENT, text);
        assertEquals(200, res.statusCode(), res.body());
        return KanalHarness.replyText(res);
    }
}
