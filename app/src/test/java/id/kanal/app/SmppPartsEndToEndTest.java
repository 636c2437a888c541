package id.kanal.app;

import id.kanal.channels.smpp.LocalSmsc;
import id.kanal.channels.smpp.SmppConfig;
import id.kanal.dialog.testing.MutableClock;
import org.jsmpp.bean.ESMClass;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;

import static id.kanal.app.SmppEndToEndTest.RESIDENT;
import static id.kanal.app.SmppEndToEndTest.SHORT_CODE;
import static id.kanal.app.SmppEndToEndTest.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The parts of a long SMS are durable before each {@code deliver_sm_resp}: real jSMPP on both
 * sides against the local SMSC, Kanal restarted between parts (its memory gone, its database kept).
 */
class SmppPartsEndToEndTest {
    private static final int UDH_GSM = 0;

    @TempDir
    Path dataDir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T03:00:00Z"));
    private LocalSmsc smsc;
    private KanalHarness kanal;

    @BeforeEach
    void start() {
        smsc = LocalSmsc.start(0, "kanal", "rahasia");
        kanal = SmppEndToEndTest.boundKanal(dataDir, clock, smsc);
    }

    @AfterEach
    void stop() {
        kanal.close();
        smsc.close();
    }

    @Test
    void firstPartBeforeARestart_secondAfter_oneTurnWithTheWholeText() {
        part(41, 2, 1, "Jalan berlubang ");
        assertEquals(1, kanal.count("SELECT COUNT(*) FROM smpp_part"), "the acknowledged part is held durably");
        restart();
        part(41, 2, 2, "di Jl Merdeka");
        await(() -> kanal.count("SELECT COUNT(*) FROM outbox WHERE status = 'SENT'") == 1, "the reply sent");
        assertEquals(1, kanal.count("SELECT COUNT(*) FROM transcript WHERE provider_id IS NOT NULL"), "one turn");
        assertEquals("Jalan berlubang di Jl Merdeka", residentSaid());
        assertEquals(0, kanal.count("SELECT COUNT(*) FROM smpp_part"), "the parts forgotten with the turn");
    }

    @Test
    void partDeliveredAgain_heldOnce_oneTurn() {
        part(42, 2, 1, "Jalan berlubang ");
        part(42, 2, 1, "Jalan berlubang "); // the SMSC missed the first deliver_sm_resp
        assertEquals(1, kanal.count("SELECT COUNT(*) FROM smpp_part"));
        part(42, 2, 2, "di Jl Merdeka");
        await(() -> kanal.count("SELECT COUNT(*) FROM outbox WHERE status = 'SENT'") == 1, "the reply sent");
        assertEquals(1, kanal.count("SELECT COUNT(*) FROM transcript WHERE provider_id IS NOT NULL"), "one turn");
        assertEquals("Jalan berlubang di Jl Merdeka", residentSaid());
    }

    @Test
    void partsLeftBeforeARestart_siblingNeverComes_handedOnAfterTheWait() {
        part(43, 3, 1, "Jalan berlubang ");
        part(43, 3, 2, "di Jl Merdeka");
        restart();
        assertEquals(0, kanal.count("SELECT COUNT(*) FROM transcript WHERE provider_id IS NOT NULL"), "still waiting for part 3");
        clock.advance(SmppConfig.DEFAULT_REASSEMBLY_WAIT);
        await(() -> kanal.count("SELECT COUNT(*) FROM outbox WHERE status = 'SENT'") == 1, "what arrived handed on and answered");
        assertEquals(1, kanal.count("SELECT COUNT(*) FROM transcript WHERE provider_id IS NOT NULL"), "one turn");
        assertEquals("Jalan berlubang di Jl Merdeka", residentSaid());
        assertEquals(0, kanal.count("SELECT COUNT(*) FROM smpp_part"));
    }

    private void restart() {
        kanal.restart();
        kanal.kanal().outbox().start();
        await(() -> smsc.boundLinks() == 1, "Kanal to bind again");
    }

    /** One part with an 8-bit concatenation UDH, GSM default alphabet unpacked; returns once Kanal answered it. */
    private void part(int ref, int total, int seq, String text) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {0x05, 0x00, 0x03, (byte) ref, (byte) total, (byte) seq});
        body.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
        smsc.deliver(RESIDENT, SHORT_CODE, new ESMClass(0x40), UDH_GSM, body.toByteArray());
    }

    private String residentSaid() {
        return kanal.kanal().database().read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT body FROM transcript WHERE direction = 'in'");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        });
    }
}
