package id.kanal.services.console;

import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import id.kanal.dialog.Conversation;
import id.kanal.dialog.InboundMessage;
import id.kanal.dialog.Reply;
import id.kanal.dialog.port.Turn;
import id.kanal.store.Database;
import id.kanal.store.Dialect;
import id.kanal.store.SqlConversationStore;
import id.kanal.store.Statements;
import id.kanal.store.testing.TestDatabase;
import id.kanal.store.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard's messages by channel, today and this week (from Monday, in the region's zone):
 * every message a turn handled, silent replies included, counted once; agents' and the bot's own lines
 * are not messages. A region's dashboard counts its own residents' only. The counts read the message
 * lines' index by time. On SQLite and, through {@link SqlDashboardOnPostgresTest}, PostgreSQL.
 */
@ExtendWith(TestDatabases.class)
class SqlDashboardTest {
    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    /** A Wednesday, 12:00 in Jakarta. */
    private static final Instant NOW = Instant.parse("2026-12-02T05:00:00Z");
    private static final Address SMS = new Address(Channel.SMS, "+6281234567890");
    private static final Address USSD = new Address(Channel.USSD, "+6281234567891");
    private static final Address WHATSAPP = new Address(Channel.WHATSAPP, "+6281234567892");
    private static final Address BEKASI = new Address(Channel.SMS, "+6281234567893@bekasi");

    @TempDir
    Path dir;
    Database db;

    @BeforeEach
    void open(TestDatabase database) {
        db = database.open(dir, 2);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void figures_messagesByChannel_todayAndThisWeek() {
        SqlConversationStore store = new SqlConversationStore(db);
        Instant today = NOW.minusSeconds(3_600);
        Instant monday = Instant.parse("2026-11-30T01:00:00Z");
        Instant lastSunday = Instant.parse("2026-11-29T16:59:00Z"); // 23:59 in Jakarta
        turn(store, "SM1", SMS, today, Reply.of("menu"));
        turn(store, "SM2", SMS, today.plusSeconds(60), Reply.silent());
        turn(store, "AT1:0", USSD, today, new Reply("Sampai jumpa", List.of(), true));
        turn(store, "SM3", BEKASI, today, Reply.of("menu"));
        turn(store, "WA1", WHATSAPP, monday, Reply.of("menu"));
        turn(store, "SM0", SMS, lastSunday, Reply.of("menu"));
        db.inTransaction(c -> SqlConversationStore.appendLine(c, db, SMS, today.plusSeconds(90), "out", "agent:budi", "halo"));
        db.inTransaction(c -> SqlConversationStore.appendLine(c, db, SMS, today.plusSeconds(95), "out", "bot", "menu"));

        SqlDashboard dashboard = new SqlDashboard(db, Clock.fixed(NOW, JAKARTA), JAKARTA);
        DashboardFigures all = dashboard.figures();
        assertEquals(List.of("sms 3", "ussd 1"), counts(all.today()));
        assertEquals(List.of("sms 3", "ussd 1", "whatsapp 1"), counts(all.week()));
        DashboardFigures home = dashboard.of(new RegionScope("kota-tangerang", "TNG", true), JAKARTA).figures();
        assertEquals(List.of("sms 2", "ussd 1"), counts(home.today()));
        DashboardFigures bekasi = dashboard.of(new RegionScope("bekasi", "BKS", false), JAKARTA).figures();
        assertEquals(List.of("sms 1"), counts(bekasi.week()));

        if (db.dialect() == Dialect.SQLITE) {
            List<String> steps = db.read(c -> Statements.list(c, "EXPLAIN QUERY PLAN SELECT channel, COUNT(*) "
                    + "FROM transcript m WHERE provider_id IS NOT NULL AND at >= 0 GROUP BY channel", rs -> rs.getString(4)));
            String plan = String.join("; ", steps);
            assertTrue(plan.contains("transcript_message_at"), plan);
        }
    }

    private static void turn(SqlConversationStore store, String id, Address from, Instant at, Reply reply) {
        store.save(new Turn(InboundMessage.text(id, from, "halo", at), Conversation.start(from, at), reply));
    }

    private static List<String> counts(List<LabelledCount> counts) {
        return counts.stream().map(c -> c.key() + " " + c.count()).toList();
    }
}
