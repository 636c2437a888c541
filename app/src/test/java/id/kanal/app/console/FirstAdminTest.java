package id.kanal.app.console;

import id.kanal.store.console.SqlConsoleAccounts;
import id.kanal.dialog.testing.MutableClock;

import id.kanal.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The first start creates an admin: the configured password, or a one-time one (logged once). */
class FirstAdminTest {
    @TempDir
    Path dataDir;

    @Test
    void firstStart_withoutConfiguredPassword_oneTimePasswordWorks_isLoggedOnce_andIsMadeOnlyOnce() {
        Logger logger = Logger.getLogger(Accounts.class.getName());
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord r) {
                records.add(r);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(handler);
        try (Database db = Database.openSqlite(dataDir)) {
            Accounts accounts = new Accounts(new SqlConsoleAccounts(db), new PasswordHasher(64), new MutableClock(Instant.parse("2026-11-23T03:00:00Z")));
            String password = accounts.ensureFirstAdmin(Optional.empty()).orElseThrow();
            assertTrue(password.length() >= 16, password);
            assertEquals(Role.ADMIN, accounts.verify("admin", password).orElseThrow().role());
            assertEquals(Optional.empty(), accounts.ensureFirstAdmin(Optional.empty()), "only on the first start");
            assertEquals(1, accounts.list().size());
            List<LogRecord> shown = records.stream().filter(r -> text(r).contains(password)).toList();
            assertEquals(1, shown.size(), "the one-time password is printed exactly once");
            assertEquals(Level.WARNING, shown.getFirst().getLevel(), "at a level every default log shows");
        } finally {
            logger.removeHandler(handler);
        }
    }

    private static String text(LogRecord r) {
        return r.getParameters() == null ? r.getMessage()
                : java.text.MessageFormat.format(r.getMessage(), r.getParameters());
    }

    @Test
    void firstStart_withConfiguredPassword_usesIt() {
        try (Database db = Database.openSqlite(dataDir)) {
            Accounts accounts = new Accounts(new SqlConsoleAccounts(db), new PasswordHasher(64), new MutableClock(Instant.parse("2026-11-23T03:00:00Z")));
            assertEquals(Optional.empty(), accounts.ensureFirstAdmin(Optional.of("configured-pass")));
            assertTrue(accounts.verify("admin", "configured-pass").isPresent());
            assertTrue(accounts.verify("admin", "other-password").isEmpty());
        }
    }
}
