package id.kanal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What Kanal keeps about a resident across channels: opt-out (STOP), and the last WhatsApp
 * message (the 24-hour window). Keyed by E.164 number, or {@code telegram:<chat id>}.
 * Methods take the caller's connection so they join its transaction.
 */
public final class Residents {
    private static final String TELEGRAM_PREFIX = "telegram:";

    private Residents() {
    }

    public static boolean isOptedOut(Connection c, String address) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT opted_out FROM resident WHERE address = ?")) {
            ps.setString(1, address);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getInt(1) != 0;
            }
        }
    }

    /**
     * Whether the person behind this key sent STOP on any of their channels: a Telegram chat
     * linked to a number ({@link TelegramChats}, the resident shared their contact) is the same
     * person as that number's SMS, USSD and WhatsApp, so a STOP on either counts for both.
     */
    public static boolean isPersonOptedOut(Connection c, String address) throws SQLException {
        for (String key : personKeys(c, address)) {
            if (isOptedOut(c, key)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Takes back a STOP for the whole person (MULAI/START on any linked channel): the key's own
     * row is written, a linked row only updated where it exists (no row is invented for it).
     */
    public static void optInPerson(Connection c, String address, Instant now) throws SQLException {
        setOptedOut(c, address, false, now);
        for (String key : personKeys(c, address)) {
            if (key.equals(address)) {
                continue;
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE resident SET opted_out = 0, opted_out_at = NULL, "
                    + "updated_at = ? WHERE address = ? AND opted_out <> 0")) {
                ps.setLong(1, now.toEpochMilli());
                ps.setString(2, key);
                ps.executeUpdate();
            }
        }
    }

    /** The key itself and, when linked, the other one: {@code telegram:<chat>} and the number it is linked to. */
    public static List<String> personKeys(Connection c, String address) throws SQLException {
        List<String> keys = new ArrayList<>(2);
        keys.add(address);
        if (address.startsWith(TELEGRAM_PREFIX)) {
            TelegramChats.phoneOf(c, address.substring(TELEGRAM_PREFIX.length())).ifPresent(keys::add);
        } else {
            TelegramChats.chatOf(c, address).ifPresent(chat -> keys.add(TELEGRAM_PREFIX + chat));
        }
        return keys;
    }

    /**
     * The second of {@link #personKeys} as a scalar subquery (NULL when nothing is linked), for a
     * statement that needs both keys without a round trip of its own: bind
     * {@link #linkedKeyParameter} at its one parameter.
     */
    public static String linkedKeySql(String address) {
        return address.startsWith(TELEGRAM_PREFIX)
                ? "(SELECT address FROM resident WHERE telegram_chat_id = ?)"
                : "(SELECT '" + TELEGRAM_PREFIX + "' || telegram_chat_id FROM resident WHERE address = ?)";
    }

    /** The parameter of {@link #linkedKeySql}: the chat of a Telegram key, else the key. */
    public static String linkedKeyParameter(String address) {
        return address.startsWith(TELEGRAM_PREFIX) ? address.substring(TELEGRAM_PREFIX.length()) : address;
    }

    public static void setOptedOut(Connection c, String address, boolean optedOut, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO resident (address, opted_out, opted_out_at, updated_at) "
                + "VALUES (?, ?, ?, ?) ON CONFLICT (address) DO UPDATE SET opted_out = excluded.opted_out, "
                + "opted_out_at = excluded.opted_out_at, updated_at = excluded.updated_at")) {
            ps.setString(1, address);
            ps.setInt(2, optedOut ? 1 : 0);
            if (optedOut) {
                ps.setLong(3, now.toEpochMilli());
            } else {
                ps.setNull(3, java.sql.Types.BIGINT);
            }
            ps.setLong(4, now.toEpochMilli());
            ps.executeUpdate();
        }
    }

    public static void touchWhatsApp(Connection c, String address, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO resident (address, whatsapp_last_inbound, updated_at) "
                + "VALUES (?, ?, ?) ON CONFLICT (address) DO UPDATE SET whatsapp_last_inbound = excluded.whatsapp_last_inbound, "
                + "updated_at = excluded.updated_at")) {
            ps.setString(1, address);
            ps.setLong(2, at.toEpochMilli());
            ps.setLong(3, at.toEpochMilli());
            ps.executeUpdate();
        }
    }

    public static Optional<Instant> whatsAppLastInbound(Connection c, String address) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT whatsapp_last_inbound FROM resident WHERE address = ?")) {
            ps.setString(1, address);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    long v = rs.getLong(1);
                    return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(v));
                }
                return Optional.empty();
            }
        }
    }
}
