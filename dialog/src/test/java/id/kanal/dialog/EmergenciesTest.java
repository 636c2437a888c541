package id.kanal.dialog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Emergencies come first: the numbers in the first reply, in every state, and the conversation goes on. */
class EmergenciesTest extends EngineOnFakes {
    private static final String NUMBERS = "DARURAT? Telepon 112";

    EmergenciesTest() {
        super(Instant.parse("2026-11-23T03:00:00Z")); // Monday 10:00 WIB
    }

    @ParameterizedTest
    @ValueSource(strings = {"darurat", "KEBAKARAN!!", "tolong ada yang tenggelam", "tlg ada yg tenggelem di kali",
            "fire", "there is a fire near my house", "banjir bandang di cipondoh", "ada kbakaran di psr lama",
            "rumah tetangga terbakar", "ada kecelakaan di jl daan mogot", "SOS", "gas bocor di dapur",
            "help me someone is drowning", "ada api besar di gudang"})
    void reads_emergencies_inIndonesianSmsSpeakAndEnglish(String text) {
        assertTrue(Emergencies.reads(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"api", "kereta api jam berapa", "harga cabe", "banjir di depan rumah", "tolong lampu mati",
            "lapor jalan rusak", "halo", "kompor api kecil", "firefox", "status TNG-000001", ""})
    void reads_everydayMessages_notAsEmergencies(String text) {
        assertFalse(Emergencies.reads(text), text);
    }

    @Test
    void atTheMenu_numbersFirst_thenTheUsualAnswer() {
        Reply reply = send("kebakaran di pasar lama");
        assertTrue(reply.text().startsWith(NUMBERS), reply.text());
        assertTrue(Gsm7.septets(reply.text()) <= Gsm7.TWO_SEGMENTS, reply.text());
    }

    @Test
    void midComplaint_numbersFirst_andTheComplaintGoesOn() {
        send("1");
        send("2");
        assertInstanceOf(State.AskingDescription.class, state());
        Reply reply = send("sampah dibakar sampai kebakaran kecil kemarin");
        assertTrue(reply.text().startsWith(NUMBERS), reply.text());
        assertTrue(reply.text().contains("Di mana lokasinya"), reply.text());
        assertInstanceOf(State.AskingLocation.class, state());
        assertTrue(send("Jl Merdeka No 5, RT 02/03").text().contains("Laporan Sampah"));
    }

    @Test
    void queuedForAnAgent_numbersInsteadOfSilence_stillQueued_andFlaggedForStaff() {
        send("petugas");
        assertInstanceOf(State.Queued.class, state());
        assertTrue(send("halo?").isSilent());
        Reply reply = send("tolong ada yang tenggelam");
        assertTrue(reply.text().startsWith(NUMBERS), reply.text());
        assertInstanceOf(State.Queued.class, state());
        assertEquals(1, store.notes.size());
        assertTrue(store.notes.get(0).contains("DARURAT"), store.notes.toString());
    }

    @Test
    void withAnAgent_numbersSent_agentKeepsIt_andSeesTheFlag() {
        send("petugas");
        assertTrue(engine.assignAgent(resident, "budi"));
        Reply reply = send("FIRE!!");
        assertEquals(Texts.builtIn().get(Language.ID, "emergency.numbers"), reply.text());
        State.WithAgent with = assertInstanceOf(State.WithAgent.class, state());
        assertEquals("budi", with.agent());
        assertEquals(1, store.notes.size());
        assertTrue(send("rumahnya di jl merdeka").isSilent(), "the agent answers the rest");
    }

    @Test
    void inEnglish_englishNumbers() {
        send("BAHASA EN");
        assertTrue(send("help me, my neighbour is drowning").text().startsWith("EMERGENCY? Call 112"));
    }

    @Test
    void onEveryChannel_numbersFirst() {
        for (Channel channel : Channel.values()) {
            Reply reply = send(new Address(channel, "+628120000000" + channel.ordinal()), "bnjr bandang tlg");
            assertTrue(reply.text().startsWith(NUMBERS), channel + ": " + reply.text());
        }
    }

    @Test
    void onUssd_numbersFitAndComeFirst() {
        Address ussd = new Address(Channel.USSD, "+6281234567891");
        Reply reply = send(ussd, "darurat");
        assertTrue(reply.text().startsWith(NUMBERS), reply.text());
        assertTrue(Gsm7.isGsm7(reply.text()));
    }
}
