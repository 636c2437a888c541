package id.kanal.store;

import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Opt-out follows the person: SMS, USSD and WhatsApp of a number, and the Telegram chat linked to it. */
class SqlResidentRegistryTest {
    private static final String NUMBER = "+6281234567890";
    private static final String CHAT = "523901877";
    private static final Instant NOW = Instant.parse("2026-11-22T03:00:00Z");
    private static final Address SMS = new Address(Channel.SMS, NUMBER);
    private static final Address WHATSAPP = new Address(Channel.WHATSAPP, NUMBER);
    private static final Address TELEGRAM = new Address(Channel.TELEGRAM, CHAT);

    @TempDir
    Path dir;
    private Database db;
    private SqlResidentRegistry residents;

    @BeforeEach
    void open() {
        db = Database.openSqlite(dir);
        residents = new SqlResidentRegistry(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void link() {
        db.inTransaction(c -> {
            TelegramChats.link(c, NUMBER, CHAT, NOW);
            return null;
        });
    }

    @Test
    void isOptedOut_stopBySmsOnANumberLinkedToATelegramChat_stopsTheChatToo() {
        link();
        residents.optOut(SMS, NOW);
        assertTrue(residents.isOptedOut(TELEGRAM));
        assertTrue(residents.isOptedOut(WHATSAPP));
    }

    @Test
    void isOptedOut_stopOnTheLinkedTelegramChat_stopsTheNumberToo() {
        link();
        residents.optOut(TELEGRAM, NOW);
        assertTrue(residents.isOptedOut(SMS));
        assertTrue(residents.isOptedOut(new Address(Channel.USSD, NUMBER)));
        assertTrue(residents.isOptedOut(WHATSAPP));
    }

    @Test
    void isOptedOut_chatNotLinked_isAnotherPerson() {
        residents.optOut(TELEGRAM, NOW);
        assertFalse(residents.isOptedOut(SMS));
        residents.optOut(SMS, NOW);
        assertFalse(residents.isOptedOut(new Address(Channel.TELEGRAM, "777000111")));
    }

    @Test
    void isOptedOut_linkMadeAfterTheStop_stillCounts() {
        residents.optOut(TELEGRAM, NOW);
        link();
        assertTrue(residents.isOptedOut(SMS));
    }

    @Test
    void optIn_startOnEitherChannel_takesBackTheStopOnBoth() {
        link();
        residents.optOut(SMS, NOW);
        residents.optOut(TELEGRAM, NOW);
        // MULAI on Telegram: the person wants messages again, wherever they sent STOP.
        residents.optIn(TELEGRAM, NOW);
        assertFalse(residents.isOptedOut(TELEGRAM));
        assertFalse(residents.isOptedOut(SMS));

        residents.optOut(TELEGRAM, NOW);
        residents.optIn(WHATSAPP, NOW);
        assertFalse(residents.isOptedOut(TELEGRAM));
        assertFalse(residents.isOptedOut(SMS));
    }

    @Test
    void optIn_doesNotCreateARowForAnUnknownLinkedChat() {
        link();
        residents.optOut(SMS, NOW);
        residents.optIn(SMS, NOW);
        long rows = db.read(c -> {
            try (var ps = c.prepareStatement("SELECT COUNT(*) FROM resident WHERE address = ?")) {
                ps.setString(1, "telegram:" + CHAT);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
        assertTrue(rows == 0, "a START on SMS must not invent a Telegram resident row: " + rows);
    }
}
