package id.kanal.store;

import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import id.kanal.dialog.Language;
import id.kanal.dialog.port.ResidentRegistry;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Optional;

/**
 * Residents in the database ({@link Residents}), keyed as the {@code resident} table is: the
 * E.164 number for SMS, USSD and WhatsApp (one person), {@code telegram:<chat id>} for Telegram.
 */
public final class SqlResidentRegistry implements ResidentRegistry {
    private final Database db;

    public SqlResidentRegistry(Database db) {
        this.db = db;
    }

    /** The {@code resident.address} of a channel address. */
    public static String key(Address address) {
        if (address.channel() == Channel.TELEGRAM && !address.value().startsWith("telegram:")) {
            return "telegram:" + address.value();
        }
        return address.value();
    }

    /**
     * Whether the person sent STOP on any of their channels, the Telegram chat linked to their
     * number included ({@link Residents#isPersonOptedOut}): bulk messages stop everywhere.
     */
    @Override
    public boolean isOptedOut(Address resident) {
        return db.read(c -> Residents.isPersonOptedOut(c, key(resident)));
    }

    @Override
    public void optOut(Address resident, Instant now) {
        db.inTransaction(c -> {
            Residents.setOptedOut(c, key(resident), true, now);
            // STOP leaves every alert subscription too (DAFTAR BANJIR/HARGA): MULAI does not bring them back.
            for (String person : Residents.personKeys(c, key(resident))) {
                Statements.update(c, "DELETE FROM alert_subscription WHERE person = ?", person);
            }
            return null;
        });
    }

    /** START on any linked channel takes the STOP back everywhere, or the person would stay stopped. */
    @Override
    public void optIn(Address resident, Instant now) {
        db.inTransaction(c -> {
            Residents.optInPerson(c, key(resident), now);
            return null;
        });
    }

    @Override
    public Optional<Language> language(Address resident) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT language FROM resident WHERE address = ?")) {
                ps.setString(1, key(resident));
                try (var rs = ps.executeQuery()) {
                    return rs.next() && rs.getString(1) != null ? Optional.of(Language.of(rs.getString(1)))
                            : Optional.<Language>empty();
                }
            }
        });
    }

    @Override
    public void setLanguage(Address resident, Language language, Instant now) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO resident (address, language, updated_at) "
                    + "VALUES (?, ?, ?) ON CONFLICT (address) DO UPDATE SET language = excluded.language, "
                    + "updated_at = excluded.updated_at")) {
                ps.setString(1, key(resident));
                ps.setString(2, language.code());
                ps.setLong(3, now.toEpochMilli());
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public Optional<Instant> whatsAppLastInbound(Address resident) {
        return db.read(c -> Residents.whatsAppLastInbound(c, key(resident)));
    }

    @Override
    public void whatsAppInbound(Address resident, Optional<String> profileName, Instant at) {
        db.inTransaction(c -> {
            Residents.touchWhatsApp(c, key(resident), at);
            if (profileName.isPresent()) {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE resident SET whatsapp_profile_name = ? WHERE address = ?")) {
                    ps.setString(1, profileName.get());
                    ps.setString(2, key(resident));
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    /** Links a Telegram chat to the phone number its user shared ({@link TelegramChats#link}). */
    public void linkTelegramChat(String e164, String chatId, Instant now) {
        db.inTransaction(c -> {
            TelegramChats.link(c, e164, chatId, now);
            return null;
        });
    }

    /** The WhatsApp profile name a resident last showed, for the agent console. */
    public Optional<String> whatsAppProfileName(Address resident) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT whatsapp_profile_name FROM resident WHERE address = ?")) {
                ps.setString(1, key(resident));
                try (var rs = ps.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }
}
