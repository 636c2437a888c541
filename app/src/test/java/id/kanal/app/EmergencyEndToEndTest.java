package id.kanal.app;

import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import id.kanal.dialog.Gsm7;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Emergencies come first, through the real server: the numbers head the first reply on SMS and
 * USSD at the menu, mid-complaint, reading a pack, queued for an agent and with one; the
 * conversation goes on where it was; an agent's conversation carries a staff note.
 */
class EmergencyEndToEndTest extends KanalOnServer {
    private static final String NUMBERS = "DARURAT? Telepon 112 (gratis, 24 jam). Polisi 110, Damkar 113, Ambulans 118/119.";
    private static final String RESIDENT = "+6281234567890";

    EmergencyEndToEndTest() {
        // Monday 10:00 in Jakarta: agents are in.
        super(Instant.parse("2026-11-23T03:00:00Z"), USSD_FROM_LOOPBACK);
    }

    private String sms(String text) throws Exception {
        HttpResponse<String> res = sms(RESIDENT, text);
        return res.body().contains("<Message>") ? KanalHarness.replyText(res) : "";
    }

    private String ussd(String session, String text) throws Exception {
        HttpResponse<String> res = kanal.ussd(session, "+6281298765432", text);
        assertEquals(200, res.statusCode(), res.body());
        assertTrue(Gsm7.septets(res.body()) <= 182, res.body());
        return res.body();
    }

    private String state(Channel channel, String address) {
        return id.kanal.dialog.StateCodec.typeOf(kanal.kanal().conversations()
                .load(new Address(channel, address)).orElseThrow().state());
    }

    private List<String> notes() {
        return kanal.kanal().database().read(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT author, body FROM transcript WHERE address = ? AND direction = 'note' ORDER BY seq")) {
                ps.setString(1, RESIDENT);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1) + ": " + rs.getString(2));
                    }
                }
            }
            return out;
        });
    }

    @Test
    void sms_atTheMenu_andMidComplaint_numbersFirst_andTheComplaintGoesOn() throws Exception {
        String first = sms("tolong ada yang tenggelam di kali cisadane");
        assertTrue(first.startsWith(NUMBERS + "\n"), first);
        sms("MENU");
        sms("1");
        sms("2");
        assertEquals("asking-description", state(Channel.SMS, RESIDENT));
        String mid = sms("sampah dibakar warga sampai kebakaran kecil");
        assertTrue(mid.startsWith(NUMBERS + "\nKeluhan Sampah. Di mana lokasinya?") || mid.startsWith(NUMBERS + "\n"), mid);
        assertTrue(Gsm7.septets(mid) <= Gsm7.TWO_SEGMENTS, mid);
        assertEquals("asking-location", state(Channel.SMS, RESIDENT));
        assertTrue(sms("Jl. Merdeka 5, Sukasari").contains("Balas YA"));
    }

    @Test
    void sms_readingAPack_numbersFirst_thenTheMessageReadAsAlways() throws Exception {
        sms("6");
        sms("4");
        assertEquals("reading-pack", state(Channel.SMS, RESIDENT));
        String reply = sms("kbakaran!! nomor damkar");
        assertTrue(reply.startsWith(NUMBERS + "\nNomor penting (data contoh):\nPemadam kebakaran 113"), reply);
    }

    @Test
    void sms_queuedAndWithAgent_numbersInsteadOfSilence_handoffKept_agentSeesTheFlag() throws Exception {
        sms("petugas");
        assertEquals("queued", state(Channel.SMS, RESIDENT));
        assertEquals(NUMBERS, sms("darurat rumah kebanjiran banjir bandang"));
        assertEquals("queued", state(Channel.SMS, RESIDENT));
        assertTrue(kanal.kanal().engine().assignAgent(new Address(Channel.SMS, RESIDENT), "budi"));
        assertEquals("", sms("halo pak"), "the agent answers, not the bot");
        assertEquals(NUMBERS, sms("FIRE"));
        assertEquals("with-agent", state(Channel.SMS, RESIDENT));
        List<String> notes = notes();
        assertEquals(2, notes.size(), notes.toString());
        assertTrue(notes.getLast().startsWith("kanal: DARURAT: pesan warga ini terbaca darurat"), notes.toString());
    }

    @Test
    void ussd_atTheMenu_andMidComplaint_numbersOnTheFirstScreen() throws Exception {
        ussd("ATe1", "");
        String menu = ussd("ATe1", "darurat ada kebakaran");
        assertTrue(menu.startsWith("CON " + NUMBERS), menu);
        ussd("ATe2", "");
        ussd("ATe2", "1");
        ussd("ATe2", "1*1");
        String mid = ussd("ATe2", "1*1*jalan ambles ada kecelakaan motor");
        assertTrue(mid.startsWith("CON " + NUMBERS), mid);
        assertEquals("asking-location", state(Channel.USSD, "+6281298765432"));
    }
}
