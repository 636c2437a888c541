package id.kanal.app;

import id.kanal.channels.smpp.LocalSmsc;
import id.kanal.channels.testing.LogCapture;
import org.jsmpp.bean.ESMClass;
import id.kanal.dialog.port.ComplaintStatus;
import id.kanal.dialog.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real Kanal (SQLite in a temporary directory) bound over real SMPP to the local SMSC on
 * loopback: residents' SMS and USSD come in as deliver_sm, replies leave as submit_sm from the
 * outbox, receipts update the outbox rows.
 */
class SmppEndToEndTest {
    static final String RESIDENT = "6281234567890";
    static final String SHORT_CODE = "1708";
    private static final Pattern TICKET = Pattern.compile("TNG-\\d{6}");
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dataDir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T03:00:00Z"));
    private LocalSmsc smsc;
    private KanalHarness kanal;

    static Map<String, String> smppEnv(LocalSmsc smsc) {
        return Map.of("KANAL_SMPP_HOST", "127.0.0.1", "KANAL_SMPP_PORT", String.valueOf(smsc.port()),
                "KANAL_SMPP_SYSTEM_ID", "kanal", "KANAL_SMPP_PASSWORD", "rahasia", "KANAL_SMPP_SOURCE_ADDR", SHORT_CODE,
                "KANAL_SMPP_USSD_CODE", "*123#", "KANAL_SMPP_TPS", "200");
    }

    /** A Kanal on {@code dataDir} with its outbox running, once it is bound to {@code smsc}. */
    static KanalHarness boundKanal(Path dataDir, java.time.Clock clock, LocalSmsc smsc) {
        KanalHarness kanal = new KanalHarness(dataDir, clock, smppEnv(smsc));
        kanal.kanal().outbox().start();
        await(() -> smsc.boundLinks() == 1, "Kanal to bind");
        return kanal;
    }

    @BeforeEach
    void start() {
        smsc = LocalSmsc.start(0, "kanal", "rahasia");
        kanal = boundKanal(dataDir, clock, smsc);
    }

    @AfterEach
    void stop() {
        kanal.close();
        smsc.close();
    }

    /** Sends an SMS as the resident and returns Kanal's whole reply (its parts joined). */
    private String say(String text) {
        return reply(smsc, RESIDENT, SHORT_CODE, text);
    }

    /** {@code resident} texts {@code to} through the SMSC; Kanal's whole reply (its parts joined). */
    static String reply(LocalSmsc smsc, String resident, String to, String text) {
        int before = smsc.submitted().size();
        smsc.sms(resident, to, text);
        LocalSmsc.Submitted last = smsc.await(s -> smsc.submitted().indexOf(s) >= before && s.to().equals(resident)
                && s.ussdOp().isEmpty() && s.part() == s.parts(), WAIT);
        List<LocalSmsc.Submitted> all = smsc.submitted();
        return all.subList(before, all.indexOf(last) + 1).stream().filter(s -> s.to().equals(resident))
                .sorted(Comparator.comparingInt(LocalSmsc.Submitted::part))
                .map(LocalSmsc.Submitted::text).collect(Collectors.joining());
    }

    @Test
    void smsConversation_filesComplaint_repliesComeBackOverSmppWithReceipts() throws Exception {
        KanalHarness.fileRoadComplaintThroughTheMenus(this::say);
        assertEquals(1, kanal.count("SELECT COUNT(*) FROM complaint"));

        // Every reply went from the short code with a receipt requested, and every receipt came back.
        assertTrue(smsc.submitted().stream().allMatch(s -> s.from().equals(SHORT_CODE) && s.receiptRequested()));
        await(() -> kanal.count("SELECT COUNT(*) FROM outbox WHERE delivery_status = 'delivered'") == 6, "receipts on the rows");
    }

    @Test
    void statusChange_reachesTheResidentOverSmpp() {
        say("halo");
        say("1");
        say("1");
        say("Jl. Merdeka No. 12, RT 03/RW 05, Sukasari");
        say("Jalan berlubang besar");
        Matcher m = TICKET.matcher(say("ya"));
        assertTrue(m.find());
        int before = smsc.submitted().size();
        kanal.kanal().complaints().changeStatus(m.group(), ComplaintStatus.IN_PROGRESS, "agent-1", "Tim sudah ke lokasi");
        kanal.kanal().outbox().wake();
        LocalSmsc.Submitted note = smsc.await(s -> smsc.submitted().indexOf(s) >= before && s.text().contains(m.group()), WAIT);
        assertEquals(RESIDENT, note.to());
    }

    @Test
    void ussdOverSmpp_filesComplaint_andTheReceiptFollowsBySms() {
        int session = 0x0a00;
        smsc.ussd(RESIDENT, SHORT_CODE, 1, "*123#", session);
        String screen = ussdScreen(0);
        assertTrue(screen.contains("1 Lapor keluhan"), screen);
        for (String input : List.of("1", "1", "Jl Merdeka No 12 RT 03 RW 05 Sukasari", "Jalan berlubang besar")) {
            screen = answer(input, session);
            while (screen.endsWith("98 Lanjut")) {
                screen = answer("98", session);
            }
        }
        assertTrue(screen.contains("YA"), screen);
        int before = smsc.submitted().size();
        smsc.ussd(RESIDENT, SHORT_CODE, 18, "YA", session);
        LocalSmsc.Submitted filed = smsc.await(s -> smsc.submitted().indexOf(s) >= before && s.ussdOp().isPresent(), WAIT);
        assertTrue(TICKET.matcher(filed.text()).find(), filed.text());
        assertEquals(session, filed.sessionInfo().orElseThrow(), "its_session_info echoed");
        assertEquals(Optional.of(17), filed.ussdOp(), "the receipt ends the session: a PSSR response, not a USSR request");
        LocalSmsc.Submitted receipt = smsc.await(s -> s.ussdOp().isEmpty() && TICKET.matcher(s.text()).find(), WAIT);
        assertEquals(RESIDENT, receipt.to());
        assertEquals(1, kanal.count("SELECT COUNT(*) FROM complaint"));
    }

    private String answer(String input, int session) {
        int before = smsc.submitted().size();
        smsc.ussd(RESIDENT, SHORT_CODE, 18, input, session);
        return ussdScreen(before);
    }

    private String ussdScreen(int from) {
        return smsc.await(s -> smsc.submitted().indexOf(s) >= from && s.ussdOp().isPresent(), WAIT).text();
    }

    @Test
    void throttled_outboxBacksOff_thenSendsOnce() {
        smsc.refuseNext(2, LocalSmsc.ESME_RTHROTTLED);
        smsc.sms(RESIDENT, SHORT_CODE, "halo");
        await(() -> kanal.count("SELECT COUNT(*) FROM outbox WHERE attempts = 1 AND status = 'PENDING' "
                + "AND last_error LIKE '%ESME_RTHROTTLED%'") == 1, "the first refusal recorded");
        assertEquals(0, smsc.submitted().size());
        clock.advance(Duration.ofSeconds(5)); // the outbox's first backoff
        kanal.kanal().outbox().wake();
        await(() -> kanal.count("SELECT COUNT(*) FROM outbox WHERE attempts = 2 AND status = 'PENDING'") == 1,
                "the second refusal recorded");
        clock.advance(Duration.ofSeconds(10)); // doubled
        kanal.kanal().outbox().wake();
        smsc.await(s -> s.text().contains("1 Lapor keluhan"), WAIT);
        await(() -> kanal.count("SELECT COUNT(*) FROM outbox WHERE status = 'SENT'") == 1, "the row sent");
        assertEquals(1, smsc.submitted().stream().filter(s -> s.part() == 1).count(), "sent once");
    }

    @Test
    void invalidDestination_failsTheRowWithTheReason() {
        smsc.refuseNext(1, LocalSmsc.ESME_RINVDSTADR);
        smsc.sms(RESIDENT, SHORT_CODE, "halo");
        await(() -> kanal.count("SELECT COUNT(*) FROM outbox WHERE status = 'FAILED' "
                + "AND last_error LIKE '%invalid destination%'") == 1, "the row failed with the reason");
    }

    @Test
    void receiptUndelivered_failsTheRowWithTheSmscsStat_unknownReceiptIgnored() {
        smsc.receipts(true, "UNDELIV");
        say("halo");
        await(() -> kanal.count("SELECT COUNT(*) FROM outbox WHERE delivery_status = 'failed' "
                + "AND delivery_error LIKE 'UNDELIV%'") == 1, "the row failed with the receipt's stat");
        try (LogCapture log = new LogCapture("id.kanal.channels.smpp.SmppReceipts")) {
            smsc.deliver(RESIDENT, SHORT_CODE, new ESMClass(0x04), 0,
                    "id:ffff0001 sub:001 dlvrd:001 stat:DELIVRD err:000".getBytes(StandardCharsets.US_ASCII));
            LogCapture.await(() -> log.contains("ignored receipt id=smsc:ffff0001"), WAIT, "the unknown receipt ignored");
        }
    }

    static void await(java.util.function.BooleanSupplier condition, String what) {
        LogCapture.await(condition, WAIT, what);
    }
}
