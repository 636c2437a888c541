package id.kanal.app;

import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import id.kanal.dialog.Gsm7;
import id.kanal.services.alerts.AlertEstimate;
import id.kanal.services.alerts.AlertFunnel;
import id.kanal.services.alerts.Areas;
import id.kanal.store.Residents;
import id.kanal.store.Statements;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 18, alerts residents ask for, on a real Kanal: subscriptions by keyword (confirmed,
 * listed, left one topic or all with STOP), a price alert once per crossing, and an area alert
 * whose estimate is what was sent, with its delivery funnel from status callbacks.
 */
class AlertsTest extends KanalOnClock {
    private static final Address SMS = new Address(Channel.SMS, "+6281234500001");



    @Test
    void keywords_subscribeListLeave_andStopLeavesAll() {
        assertEquals("Anda terdaftar untuk info banjir dan peringatan wilayah Kel. Sukasari. BERHENTI BANJIR untuk berhenti, "
                + "LANGGANAN untuk melihat langganan Anda.", say(SMS, "DAFTAR BANJIR sukasari"));
        assertTrue(say(SMS, "daftar banjir Atlantis").startsWith("Kelurahan \"atlantis\" tidak kami kenal."));
        assertTrue(say(SMS, "DAFTAR HARGA cabe rawit").startsWith("Anda terdaftar untuk info harga cabai rawit"));
        assertEquals("Langganan Anda:\nInfo banjir/wilayah: Sukasari\nInfo harga: cabai rawit\n"
                + "BERHENTI BANJIR atau BERHENTI HARGA untuk berhenti; STOP untuk berhenti semua.", say(SMS, "LANGGANAN"));
        assertTrue(say(SMS, "BERHENTI HARGA").startsWith("Anda berhenti menerima Info harga."));
        assertTrue(say(SMS, "langganan").contains("Sukasari") && !say(SMS, "langganan").contains("cabai"));
        // The same person on WhatsApp sees the same subscriptions.
        assertTrue(say(new Address(Channel.WHATSAPP, SMS.value()), "langganan").contains("Sukasari"));
        say(SMS, "STOP");
        say(SMS, "MULAI");
        assertTrue(say(SMS, "LANGGANAN").startsWith("Anda belum berlangganan info."), "STOP left them all");
    }

    @Test
    void priceAlert_oncePerCrossing() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Jakarta")));
        importBeras(today.minusDays(5), 14_000); // the first real prices replace the demo's and set the marks
        say(SMS, "DAFTAR HARGA beras");
        say(new Address(Channel.TELEGRAM, "777001"), "daftar harga beras");
        assertEquals(0, priceAlerts().size());

        importBeras(today.minusDays(4), 17_000); // +21 %: a crossing
        List<String> first = priceAlerts();
        assertEquals(2, first.size(), first.toString());
        assertEquals(List.of("sms|Info harga: beras kini Rp17.000/kg (naik 21% dari Rp14.000). BERHENTI HARGA untuk berhenti.",
                "telegram|Info harga: beras kini Rp17.000/kg (naik 21% dari Rp14.000). BERHENTI HARGA untuk berhenti."), first);
        importBeras(today.minusDays(4), 17_000); // the same file again
        importBeras(today.minusDays(3), 17_500); // +3 % from the mark
        assertEquals(2, priceAlerts().size(), "the same crossing never alerts twice");
        importBeras(today.minusDays(2), 13_000); // -24 %: another crossing
        assertEquals(4, priceAlerts().size());
        assertTrue(priceAlerts().getLast().contains("turun 24% dari Rp17.000"), priceAlerts().toString());
    }

    @Test
    void areaAlert_estimateIsWhatWasSent_funnelFromCallbacks() {
        Address whatsAppInWindow = new Address(Channel.WHATSAPP, "+6281234500002");
        Address whatsAppOutside = new Address(Channel.WHATSAPP, "+6281234500003");
        Address telegram = new Address(Channel.TELEGRAM, "777002");
        Address ussd = new Address(Channel.USSD, "+6281234500004");
        Address stopped = new Address(Channel.SMS, "+6281234500005");
        Address elsewhere = new Address(Channel.SMS, "+6281234500006");
        say(SMS, "DAFTAR BANJIR Sukasari");
        say(whatsAppOutside, "DAFTAR BANJIR Kelapa Indah");
        say(telegram, "DAFTAR BANJIR Babakan");
        say(ussd, "DAFTAR BANJIR Tanah Tinggi");
        say(stopped, "DAFTAR BANJIR Sukasari");
        say(elsewhere, "DAFTAR BANJIR Cipondoh");
        clock.advance(Duration.ofDays(2));
        kanal.residents().whatsAppInbound(whatsAppInWindow, Optional.empty(), clock.instant());
        say(whatsAppInWindow, "DAFTAR BANJIR Sukarasa");
        say(SMS, "daftar banjir Sukasari"); // twice subscribed, still one message
        say(SMS, "daftar banjir Cikokol");
        // Opted out by a provider (Twilio 21610) rather than by STOP: the subscription is still there.
        kanal.database().inTransaction(c -> {
            Residents.setOptedOut(c, stopped.value(), true, clock.instant());
            return null;
        });

        String text = "Peringatan dini: Sungai Cisadane siaga 2. Warga bantaran harap waspada dan amankan barang berharga.";
        AlertEstimate estimate = kanal.loop().areaAlerts().estimate(Areas.Kind.KECAMATAN, "tangerang", text);
        assertEquals(5, estimate.recipients());
        assertEquals(Map.of("sms", 3, "telegram", 1, "whatsapp", 1), estimate.byChannel());
        int perSms = Gsm7.segments(text + "\nBERHENTI BANJIR untuk berhenti menerima info ini.");
        assertEquals(3 * perSms, estimate.smsSegments());
        assertEquals(3L * perSms * 350, estimate.estimatedCost());

        AlertFunnel sent = kanal.loop().areaAlerts().send(Areas.Kind.KECAMATAN, "Tangerang", text, "staff:ani");
        List<String[]> rows = alertRows(sent.id());
        Map<String, Integer> byChannel = new TreeMap<>();
        int segments = 0;
        for (String[] r : rows) {
            byChannel.merge(r[0], 1, Integer::sum);
            segments += r[0].equals("sms") ? Gsm7.segments(r[2]) : 0;
        }
        assertEquals(estimate.byChannel(), byChannel, "sent on the channels estimated");
        assertEquals(estimate.smsSegments(), segments, "the segments estimated");
        assertEquals(estimate.estimatedCost(), segments * 350L, "the cost estimated");
        assertEquals(estimate.recipients(), sent.estimate().recipients());
        assertEquals(estimate.estimatedCost(), sent.estimate().estimatedCost());
        assertTrue(rows.stream().noneMatch(r -> r[1].equals(stopped.value()) || r[1].equals(elsewhere.value())));
        assertEquals(5, sent.queued());

        // One delivered, one refused by the operator, one handed over: the funnel follows the callbacks.
        markSent(rows.get(0)[3], "P-1");
        markSent(rows.get(1)[3], "P-2");
        markSent(rows.get(2)[3], "P-3");
        kanal.outboxQueue().recordDelivery("P-1", "delivered", Optional.empty(), clock.instant());
        kanal.outboxQueue().recordDelivery("P-2", "undelivered", Optional.of("30003"), clock.instant());
        AlertFunnel funnel = kanal.loop().areaAlerts().funnel(sent.id()).orElseThrow();
        assertEquals(List.of(2L, 1L, 1L, 1L), List.of(funnel.queued(), funnel.sent(), funnel.delivered(), funnel.failed()));
        assertEquals(List.of(sent.id()), kanal.loop().areaAlerts().recent(5).stream().map(AlertFunnel::id).toList());
    }

    @Test
    void areaAlert_unknownAreaOrBadText_refused() {
        assertThrows(IllegalArgumentException.class,
                () -> kanal.loop().areaAlerts().estimate(Areas.Kind.KELURAHAN, "Atlantis", "Banjir"));
        assertThrows(IllegalArgumentException.class,
                () -> kanal.loop().areaAlerts().estimate(Areas.Kind.KELURAHAN, "Sukasari", " "));
        assertThrows(IllegalArgumentException.class,
                () -> kanal.loop().areaAlerts().send(Areas.Kind.KELURAHAN, "Sukasari", "x".repeat(251), "staff:ani"));
    }

    private void importBeras(LocalDate day, long price) {
        kanal.priceImporter().importCsv(new StringReader("date,market,commodity,unit,price\n" + day
                + ",Pasar Anyar,beras,kg," + price + "\n"), "test", n -> { });
        clock.advance(Duration.ofMinutes(1));
    }

    private List<String> priceAlerts() {
        return kanal.database().read(c -> Statements.list(c, "SELECT channel, body FROM outbox WHERE kind = 'price-alert' "
                + "ORDER BY created_at, channel", rs -> rs.getString(1) + "|" + rs.getString(2)));
    }

    private List<String[]> alertRows(String alertId) {
        return kanal.database().read(c -> Statements.list(c, "SELECT o.channel, o.address, o.body, o.id FROM outbox o "
                        + "JOIN area_alert_message m ON m.outbox_id = o.id WHERE m.alert_id = ? ORDER BY o.address",
                rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)}, alertId));
    }

    private void markSent(String outboxId, String providerId) {
        kanal.database().inTransaction(c -> Statements.update(c, "UPDATE outbox SET status = 'SENT', provider_id = ? "
                + "WHERE id = ?", providerId, outboxId));
    }

    private String say(Address from, String text) {
        clock.advance(Duration.ofSeconds(30));
        return message(from, text).text();
    }
}
