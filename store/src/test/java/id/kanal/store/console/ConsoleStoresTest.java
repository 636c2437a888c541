package id.kanal.store.console;

import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import id.kanal.dialog.port.OutboundMessage;
import id.kanal.store.Database;
import id.kanal.store.testing.TestDatabase;
import id.kanal.store.testing.TestDatabases;
import id.kanal.store.Statements;
import id.kanal.store.console.ConsoleAccounts.StoredAccount;
import id.kanal.store.ussd.SqlUssdSessions;
import id.kanal.store.ussd.StoredUssdSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The console's and the USSD adapter's tables through their stores (the console tests cover them through HTTP). */
@ExtendWith(TestDatabases.class)
class ConsoleStoresTest {
    private static final Instant NOW = Instant.parse("2026-11-22T03:00:00Z");
    private static final Address WHATSAPP = new Address(Channel.WHATSAPP, "+6281234567890");

    @TempDir
    Path dir;
    Database db;

    @BeforeEach
    void openDatabase(TestDatabase database) {
        db = database.open(dir, 2);
    }

    @AfterEach
    void closeDatabase() {
        db.close();
    }

    @Test
    void accounts_takenName_isRefused_andANewPasswordEndsTheSessions() {
        ConsoleAccounts accounts = new SqlConsoleAccounts(db);
        ConsoleSessions sessions = new SqlConsoleSessions(db);
        assertTrue(accounts.isEmpty());
        assertTrue(accounts.create(new StoredAccount("budi", "agent", "hash-1", NOW)));
        assertFalse(accounts.create(new StoredAccount("budi", "admin", "hash-2", NOW)), "the name is taken");
        assertEquals("hash-1", accounts.find("budi").orElseThrow().passwordHash());

        sessions.open("token-hash", "budi", "csrf", NOW, NOW.plus(Duration.ofHours(8)));
        assertTrue(accounts.setRole("budi", "supervisor", NOW));
        assertEquals("supervisor", sessions.find("token-hash", NOW).orElseThrow().role(), "the role is read fresh");
        assertTrue(accounts.setPasswordHash("budi", "hash-3", NOW));
        assertEquals(Optional.empty(), sessions.find("token-hash", NOW));

        assertFalse(accounts.setRole("nobody", "admin", NOW));
        assertTrue(accounts.delete("budi"));
        assertFalse(accounts.delete("budi"));
        assertTrue(accounts.isEmpty());
    }

    @Test
    void accounts_keepTheirDesk_andASessionReadsAMoveAtOnce() {
        ConsoleAccounts accounts = new SqlConsoleAccounts(db);
        ConsoleSessions sessions = new SqlConsoleSessions(db);
        assertTrue(accounts.create(new StoredAccount("sari", "agent", "hash", NOW, Optional.of("kota-tangerang"),
                Optional.of("dlh"))));
        StoredAccount sari = accounts.find("sari").orElseThrow();
        assertEquals(Optional.of("kota-tangerang"), sari.regionCode());
        assertEquals(Optional.of("dlh"), sari.agencyCode());
        sessions.open("t", "sari", "csrf", NOW, NOW.plus(Duration.ofHours(8)));
        assertEquals(Optional.of("dlh"), sessions.find("t", NOW).orElseThrow().agencyCode());

        assertTrue(accounts.setDesk("sari", Optional.empty(), Optional.empty(), NOW));
        ConsoleSessions.StoredSession moved = sessions.find("t", NOW).orElseThrow();
        assertEquals(Optional.empty(), moved.regionCode(), "every region");
        assertEquals(Optional.empty(), moved.agencyCode());
        assertFalse(accounts.setDesk("nobody", Optional.empty(), Optional.empty(), NOW));
    }

    @Test
    void sessions_expireAtTheirTime_andAreGoneAfterClose() {
        new SqlConsoleAccounts(db).create(new StoredAccount("budi", "agent", "hash", NOW));
        ConsoleSessions sessions = new SqlConsoleSessions(db);
        Instant expires = NOW.plus(Duration.ofHours(1));
        sessions.open("a", "budi", "csrf-a", NOW, expires);
        assertEquals(new ConsoleSessions.StoredSession("a", "budi", "agent", "csrf-a", expires, Optional.empty(),
                        Optional.empty()),
                sessions.find("a", expires.minusMillis(1)).orElseThrow());
        assertEquals(Optional.empty(), sessions.find("a", expires));
        sessions.open("b", "budi", "csrf-b", NOW, expires);
        sessions.close("b");
        assertEquals(Optional.empty(), sessions.find("b", NOW));
    }

    @Test
    void cannedReplies_listByTitle_keepAMissingTemplate_andDelete() {
        CannedReplies canned = new SqlCannedReplies(db);
        CannedReply later = new CannedReply("2", "Terima kasih", "Sama-sama", null);
        CannedReply first = new CannedReply("1", "Salam", "Halo", "HX123");
        canned.add(later, "budi", NOW);
        canned.add(first, "budi", NOW);
        assertEquals(List.of(first, later), canned.list());
        canned.delete("1");
        assertEquals(List.of(later), canned.list());
    }

    @Test
    void cannedReplies_keepShortcutAndEnglishText_andAccountsTheirLanguage() {
        CannedReplies canned = new SqlCannedReplies(db);
        CannedReply both = new CannedReply("3", "Status", "Laporan {tiket} {status}", null, "st", "Report {tiket} is {status}");
        canned.add(both, "lead", NOW);
        assertEquals(List.of(both), canned.list());
        assertEquals("Report {tiket} is {status}", both.bodyFor("en"));
        assertEquals("Laporan", new CannedReply("4", "t", "Laporan", null).bodyFor("en"),
                "no English text: the Indonesian one");

        ConsoleAccounts accounts = new SqlConsoleAccounts(db);
        accounts.create(new StoredAccount("budi", "agent", "hash", NOW));
        assertEquals(Optional.of("id"), accounts.language("budi"), "Indonesian by default");
        assertTrue(accounts.setLanguage("budi", "en", NOW));
        assertEquals(Optional.of("en"), accounts.language("budi"));
        assertFalse(accounts.setLanguage("nobody", "en", NOW));
        assertEquals(Optional.empty(), accounts.language("nobody"));
    }

    @Test
    void agentReply_isRefusedUnlessTheAgentOwnsTheConversation_andWritesNothingThen() {
        AgentRecords records = new SqlAgentRecords(db);
        OutboundMessage message = new OutboundMessage(WHATSAPP, "Halo", "agent-reply", OutboundMessage.REPLY,
                Optional.empty());
        assertEquals(Optional.of(new AgentRecords.Refusal(false, null)), records.reply(WHATSAPP, "budi", message, NOW));
        conversation("queued", null);
        assertEquals(Optional.of(new AgentRecords.Refusal(true, null)), records.reply(WHATSAPP, "budi", message, NOW));
        records.taken(WHATSAPP, "sari", NOW.minusSeconds(60), NOW);
        conversation("agent", "sari");
        assertEquals(Optional.of(new AgentRecords.Refusal(true, "sari")), records.reply(WHATSAPP, "budi", message, NOW));
        assertEquals(0, count("SELECT COUNT(*) FROM outbox"));

        assertEquals(Optional.empty(), records.reply(WHATSAPP, "sari", message, NOW.plusSeconds(30)));
        assertEquals(1, count("SELECT COUNT(*) FROM outbox"));
        assertEquals(30_000, count("SELECT first_answer_at - taken_at FROM handoff_log"));
        List<TranscriptLine> lines = new SqlConversationQueue(db, java.time.Clock.systemUTC()).transcript(WHATSAPP);
        assertEquals(List.of("note agent:sari took the conversation", "out agent:sari Halo"),
                lines.stream().map(l -> l.direction() + " " + l.author() + " " + l.body()).toList());
    }

    @Test
    void ussdSessions_saveReplaces_andLatestForSkipsTheCurrentSession() {
        SqlUssdSessions sessions = new SqlUssdSessions(db);
        StoredUssdSession old = new StoredUssdSession("s1", "+6281234567890", "1", "Menu", false, 0, false, NOW);
        sessions.save(old);
        StoredUssdSession again = new StoredUssdSession("s1", "+6281234567890", "1*2", "Harga", true, 1, true,
                NOW.plusSeconds(5));
        sessions.save(again);
        assertEquals(Optional.of(again), sessions.find("s1"));
        assertEquals(Optional.empty(), sessions.latestFor("+6281234567890", "s1"));
        assertEquals(Optional.of(again), sessions.latestFor("+6281234567890", "s2"));
    }

    private void conversation(String mode, String agent) {
        // An upsert: the row also names the conversation's newest transcript line, which a new row would lose.
        db.inTransaction(c -> Statements.update(c, "INSERT INTO conversation (channel, address, language, state, "
                + "misunderstandings, last_activity, mode, agent) VALUES (?, ?, 'id', 'idle', 0, ?, ?, ?) "
                + "ON CONFLICT (channel, address) DO UPDATE SET mode = excluded.mode, agent = excluded.agent",
                WHATSAPP.channel().id(), WHATSAPP.value(), NOW.toEpochMilli(), mode, agent));
    }

    private long count(String sql) {
        return db.read(c -> Statements.first(c, sql, rs -> rs.getLong(1)).orElseThrow());
    }
}
