package id.kanal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * The link between a resident's phone number and their Telegram chat, made when they share
 * their own contact with the bot ({@code resident.telegram_chat_id}). With it a Telegram
 * conversation can be traced to the same person as their SMS, USSD and WhatsApp ones.
 * Methods take the caller's connection so they join its transaction.
 */
public final class TelegramChats {
    private TelegramChats() {
    }

    /** Links the chat to the number; a chat linked to another number before moves to this one. */
    public static void link(Connection c, String e164, String chatId, Instant now) throws SQLException {
        QuestionlessResidents.changing(); // the person's questions now include the other channel's
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE resident SET telegram_chat_id = NULL, updated_at = ? WHERE telegram_chat_id = ? AND address <> ?")) {
            ps.setLong(1, now.toEpochMilli());
            ps.setString(2, chatId);
            ps.setString(3, e164);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO resident (address, telegram_chat_id, updated_at) "
                + "VALUES (?, ?, ?) ON CONFLICT (address) DO UPDATE SET telegram_chat_id = excluded.telegram_chat_id, "
                + "updated_at = excluded.updated_at")) {
            ps.setString(1, e164);
            ps.setString(2, chatId);
            ps.setLong(3, now.toEpochMilli());
            ps.executeUpdate();
        }
    }

    /** The phone number a chat is linked to. */
    public static Optional<String> phoneOf(Connection c, String chatId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT address FROM resident WHERE telegram_chat_id = ?")) {
            ps.setString(1, chatId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** The chat linked to a phone number. */
    public static Optional<String> chatOf(Connection c, String e164) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT telegram_chat_id FROM resident WHERE address = ?")) {
            ps.setString(1, e164);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }
    }
}
