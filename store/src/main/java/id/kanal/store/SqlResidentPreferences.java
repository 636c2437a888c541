package id.kanal.store;

import id.kanal.dialog.Address;
import id.kanal.dialog.Language;
import id.kanal.dialog.port.ResidentPreferences;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.Optional;

/**
 * Residents' language and opt-out in the {@code resident} table, keyed so that SMS, USSD and
 * WhatsApp (one phone number) share them; a Telegram chat is {@code telegram:<chat id>}.
 */
public final class SqlResidentPreferences implements ResidentPreferences {
    private final Database db;
    private final Clock clock;

    public SqlResidentPreferences(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    private static String key(Address address) {
        return SqlResidentRegistry.key(address);
    }

    @Override
    public Optional<Language> language(Address resident) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT language FROM resident WHERE address = ?")) {
                ps.setString(1, key(resident));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && rs.getString(1) != null ? Optional.of(Language.of(rs.getString(1)))
                            : Optional.<Language>empty();
                }
            }
        });
    }

    @Override
    public void setLanguage(Address resident, Language language) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO resident (address, language, updated_at) "
                    + "VALUES (?, ?, ?) ON CONFLICT (address) DO UPDATE SET language = excluded.language, "
                    + "updated_at = excluded.updated_at")) {
                ps.setString(1, key(resident));
                ps.setString(2, language.code());
                ps.setLong(3, clock.millis());
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public boolean isOptedOut(Address resident) {
        return db.read(c -> Residents.isOptedOut(c, key(resident)));
    }

    @Override
    public void setOptedOut(Address resident, boolean optedOut) {
        db.inTransaction(c -> {
            Residents.setOptedOut(c, key(resident), optedOut, clock.instant());
            return null;
        });
    }
}
