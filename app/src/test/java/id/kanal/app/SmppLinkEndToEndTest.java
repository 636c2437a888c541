package id.kanal.app;

import id.kanal.channels.smpp.LocalSmsc;
import id.kanal.channels.testing.LogCapture;
import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import id.kanal.dialog.port.OutboundMessage;
import id.kanal.dialog.testing.MutableClock;
import id.kanal.store.Outbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import static id.kanal.app.SmppEndToEndTest.RESIDENT;
import static id.kanal.app.SmppEndToEndTest.SHORT_CODE;
import static id.kanal.app.SmppEndToEndTest.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SMPP link itself against the local SMSC: a refused bind, a dropped link, a redelivered message. */
class SmppLinkEndToEndTest {
    @TempDir
    Path dataDir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T03:00:00Z"));
    private LocalSmsc smsc;
    private KanalHarness kanal;

    @AfterEach
    void stop() {
        if (kanal != null) {
            kanal.close();
        }
        smsc.close();
    }

    private void start(Map<String, String> more) {
        smsc = LocalSmsc.start(0, "kanal", "rahasia");
        Map<String, String> env = new HashMap<>(SmppEndToEndTest.smppEnv(smsc));
        env.putAll(more);
        kanal = new KanalHarness(dataDir, clock, env);
        kanal.kanal().outbox().start();
    }

    @Test
    void wrongPassword_bindRefusedAndRetried_reasonLoggedNeverThePassword() throws Exception {
        start(Map.of("KANAL_SMPP_PASSWORD", "sandi"));
        // Kanal's start configures logging afresh; capture from here on (the link keeps trying).
        try (LogCapture log = new LogCapture("id.kanal.channels.smpp.SmppLink")) {
            LogCapture.await(() -> log.contains("ESME_RINVPASWD"), Duration.ofSeconds(20), "the refusal logged");
            await(() -> smsc.refusedBinds() >= 2, "the bind tried again after a backoff");
            assertEquals(0, smsc.boundLinks());
            assertFalse(log.messages().stream().anyMatch(m -> m.contains("sandi")), "password in a log line");
            String health = kanal.get("/observe/health").body();
            assertTrue(health.contains("\"smsc\":\"reconnecting\""), health);
        }
    }

    @Test
    void linkDroppedWithSubmitsInFlight_nothingLost_nothingSentTwiceOnceItReturns() {
        start(Map.of());
        await(() -> smsc.boundLinks() == 1, "Kanal to bind");
        AtomicBoolean dropped = new AtomicBoolean();
        java.util.concurrent.atomic.AtomicReference<java.time.Instant> droppedAt = new java.util.concurrent.atomic.AtomicReference<>();
        smsc.onSubmit(s -> {
            if (smsc.submitted().size() == 10 && dropped.compareAndSet(false, true)) {
                Thread.ofVirtual().start(() -> {
                    smsc.dropLinks();
                    droppedAt.set(java.time.Instant.now());
                });
            }
        });
        int messages = 40;
        kanal.kanal().database().inTransaction(c -> {
            for (int i = 0; i < messages; i++) {
                Outbox.enqueue(c, new OutboundMessage(new Address(Channel.SMS, "+62812000" + (1000 + i)),
                        "Pemberitahuan nomor " + i, "test", OutboundMessage.BULK, Optional.empty()), clock.instant());
            }
            return null;
        });
        kanal.kanal().outbox().wake();
        await(dropped::get, "the link dropped mid-way");
        await(() -> smsc.acceptedBinds() == 2 && smsc.boundLinks() == 1, "Kanal to bind again after its backoff");
        // Rows refused while the link was down, or whose answer the drop swallowed (5 s), wait
        // for the outbox's backoff: move its clock until every row went.
        await(() -> {
            clock.advance(Duration.ofSeconds(10));
            kanal.kanal().outbox().wake();
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
            return kanal.count("SELECT COUNT(*) FROM outbox WHERE status = 'SENT'") == messages;
        }, "every row sent after the link came back");
        assertTrue(dropped.get());
        Map<String, List<LocalSmsc.Submitted>> byBody = smsc.submitted().stream()
                .collect(Collectors.groupingBy(LocalSmsc.Submitted::text));
        assertEquals(messages, byBody.size(), "nothing lost");
        for (List<LocalSmsc.Submitted> copies : byBody.values()) {
            // A second copy only of a submit in flight on the dropped link: its answer may have been lost
            // on the way (the SMSC answered, the socket closed before Kanal read it), so Kanal never learnt
            // it went. SMPP is at-least-once there; everything submitted after the drop goes once.
            List<LocalSmsc.Submitted> inOrder = copies.stream().sorted(java.util.Comparator.comparing(LocalSmsc.Submitted::at))
                    .toList();
            boolean firstInFlightAtTheDrop = inOrder.getFirst().at().isBefore(droppedAt.get());
            assertTrue(copies.size() == 1 || (copies.size() == 2 && firstInFlightAtTheDrop), "sent twice: " + copies);
        }
        assertEquals(0, kanal.count("SELECT COUNT(*) FROM outbox WHERE status <> 'SENT'"));
    }

    @Test
    void redeliveredAfterACrashBeforeTheAnswer_noSecondTurn_replyQueuedOnce() {
        start(Map.of());
        await(() -> smsc.boundLinks() == 1, "Kanal to bind");
        smsc.sms(RESIDENT, SHORT_CODE, "halo");
        await(() -> kanal.count("SELECT COUNT(*) FROM outbox WHERE status = 'SENT'") == 1, "the reply sent");
        // What a crash after the turn committed and before the reply was queued leaves behind:
        // the turn recorded, the SMPP message unanswered, no reply row. The SMSC, never answered, delivers it again.
        kanal.kanal().database().inTransaction(c -> {
            c.createStatement().executeUpdate("UPDATE smpp_inbound SET answered = 0");
            c.createStatement().executeUpdate("DELETE FROM outbox");
            return null;
        });
        smsc.sms(RESIDENT, SHORT_CODE, "halo");
        await(() -> kanal.count("SELECT COUNT(*) FROM outbox WHERE status = 'SENT'") == 1, "the reply queued and sent again");
        assertEquals(1, kanal.count("SELECT COUNT(*) FROM transcript WHERE provider_id IS NOT NULL"), "one turn");
        assertEquals(1, kanal.count("SELECT COUNT(*) FROM transcript WHERE direction = 'in'"), "one turn in the transcript");
        // Answered now: the same text again is the resident writing again, a new turn.
        smsc.sms(RESIDENT, SHORT_CODE, "halo");
        await(() -> kanal.count("SELECT COUNT(*) FROM transcript WHERE provider_id IS NOT NULL") == 2, "a second message is a second turn");
    }
}
