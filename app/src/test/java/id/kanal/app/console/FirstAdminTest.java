package id.kanal.app.console;

import id.kanal.dialog.testing.MutableClock;

import id.kanal.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The first start creates an admin: the configured password, or a one-time one (logged once). */
class FirstAdminTest {
    @TempDir
    Path dataDir;

    @Test
    void firstStart_withoutConfiguredPassword_oneTimePasswordWorks_andIsMadeOnlyOnce() {
        try (Database db = Database.openSqlite(dataDir)) {
            Accounts accounts = new Accounts(db, new PasswordHasher(64), new MutableClock(Instant.parse("2026-11-23T03:00:00Z")));
            String password = accounts.ensureFirstAdmin(Optional.empty()).orElseThrow();
            assertTrue(password.length() >= 16, password);
            assertEquals(Role.ADMIN, accounts.verify("admin", password).orElseThrow().role());
            assertEquals(Optional.empty(), accounts.ensureFirstAdmin(Optional.empty()), "only on the first start");
            assertEquals(1, accounts.list().size());
        }
    }

    @Test
    void firstStart_withConfiguredPassword_usesIt() {
        try (Database db = Database.openSqlite(dataDir)) {
            Accounts accounts = new Accounts(db, new PasswordHasher(64), new MutableClock(Instant.parse("2026-11-23T03:00:00Z")));
            assertEquals(Optional.empty(), accounts.ensureFirstAdmin(Optional.of("configured-pass")));
            assertTrue(accounts.verify("admin", "configured-pass").isPresent());
            assertTrue(accounts.verify("admin", "other-password").isEmpty());
        }
    }
}
