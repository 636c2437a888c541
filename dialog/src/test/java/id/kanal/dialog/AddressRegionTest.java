package id.kanal.dialog;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AddressRegionTest {
    private final Address resident = new Address(Channel.SMS, "+6281234567890");

    @Test
    void inRegion_isAnotherConversationKey_andBareGivesTheNumberBack() {
        Address kab = resident.inRegion("kabupaten-tangerang");
        assertNotEquals(resident, kab);
        assertEquals("+6281234567890@kabupaten-tangerang", kab.value());
        assertEquals(Optional.of("kabupaten-tangerang"), kab.region());
        assertEquals(resident, kab.bare());
        assertEquals(Optional.empty(), resident.region());
        assertEquals(resident, resident.bare());
        assertEquals(kab, kab.inRegion("kabupaten-tangerang"), "qualifying twice changes nothing");
        assertEquals("+6281234567890@kota-x", kab.inRegion("kota-x").value());
    }

    @Test
    void masked_masksTheNumberAndKeepsTheRegion() {
        assertEquals("sms:+6281******890@kabupaten-tangerang", resident.inRegion("kabupaten-tangerang").masked());
        assertTrue(Address.simulated(Channel.SMS, "+6281234567890").inRegion("kab").isSimulated());
    }

    @Test
    void inRegion_refusesABlankOrQualifiedCode() {
        assertThrows(IllegalArgumentException.class, () -> resident.inRegion(" "));
        assertThrows(IllegalArgumentException.class, () -> resident.inRegion("a@b"));
    }

    @Test
    void inboundMessage_carriesTheIdentityItArrivedOn() {
        InboundMessage m = InboundMessage.text("SM1", resident, "halo", java.time.Instant.EPOCH);
        assertEquals(Optional.empty(), m.to());
        assertEquals(Optional.of("+6221500222"), m.arrivedOn(" +6221500222 ").to());
        assertEquals(Optional.empty(), m.arrivedOn("  ").to());
        InboundMessage kab = m.arrivedOn("95222").withSender(resident.inRegion("kab"));
        assertEquals(Optional.of("95222"), kab.to());
        assertEquals("halo", kab.text());
    }
}
