package id.kanal.app.console;

import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import id.kanal.dialog.Gsm7;
import id.kanal.dialog.port.OutboundMessage;
import id.kanal.store.Outbox;
import id.kanal.store.SqlConversationStore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * What agents write: each action is one transaction, so the transcript line, the outbox message
 * and the handoff log commit together or not at all.
 */
final class AgentActions {
    private AgentActions() {
    }

    static String author(String username) {
        return "agent:" + username;
    }

    /** Where a reply on this conversation goes: a USSD session is gone, so by SMS to the same number. */
    static Address replyAddress(Address a) {
        return a.channel() == Channel.USSD ? new Address(Channel.SMS, a.value()) : a;
    }

    /**
     * An agent's reply: refused (403) unless this agent owns the conversation, checked inside the
     * transaction that writes it.
     */
    static void reply(Console console, Address a, String agent, String text, Optional<String> template) {
        Instant now = console.kanal().clock().instant();
        String body = replyAddress(a).channel().isNarrow() ? Gsm7.clip(text, 1600) : text;
        console.kanal().database().inTransaction(c -> {
            requireOwner(c, a, agent);
            SqlConversationStore.appendLine(c, a, now, "out", author(agent), body);
            Outbox.enqueue(c, new OutboundMessage(replyAddress(a), body, "agent-reply", OutboundMessage.REPLY,
                    template), now);
            try (PreparedStatement ps = c.prepareStatement("UPDATE handoff_log SET first_answer_at = ? WHERE channel = ? "
                    + "AND address = ? AND closed_at IS NULL AND first_answer_at IS NULL")) {
                ps.setLong(1, now.toEpochMilli());
                ps.setString(2, a.channel().id());
                ps.setString(3, a.value());
                ps.executeUpdate();
            }
            return null;
        });
        // Committed: the sender need not wait for its next poll to deliver it.
        console.kanal().outbox().wake();
        console.events().publish(a);
    }

    /** An internal note: staff only, never sent. */
    static void note(Console console, Address a, String agent, String text) {
        Instant now = console.kanal().clock().instant();
        console.kanal().database().inTransaction(c -> SqlConversationStore.appendLine(c, a, now, "note", author(agent), text));
        console.events().publish(a);
    }

    /** After the engine handed the conversation back: the bot's message to the resident, and the log closed. */
    static void handedBack(Console console, Address a, String agent, String message) {
        Instant now = console.kanal().clock().instant();
        console.kanal().database().inTransaction(c -> {
            SqlConversationStore.appendLine(c, a, now, "out", "bot", message);
            Outbox.enqueue(c, new OutboundMessage(replyAddress(a), message, "agent-handback",
                    OutboundMessage.REPLY, Optional.empty()), now);
            SqlConversationStore.appendLine(c, a, now, "note", author(agent), "handed back to the bot");
            closeLog(c, a, now.toEpochMilli());
            return null;
        });
        console.kanal().outbox().wake();
        console.events().publish(a);
    }

    static void transferred(Console console, Address a, String from, String to) {
        Instant now = console.kanal().clock().instant();
        console.kanal().database().inTransaction(c -> {
            SqlConversationStore.appendLine(c, a, now, "note", author(from), "transferred to " + to);
            try (PreparedStatement ps = c.prepareStatement("UPDATE handoff_log SET agent = ? WHERE channel = ? "
                    + "AND address = ? AND closed_at IS NULL")) {
                ps.setString(1, to);
                ps.setString(2, a.channel().id());
                ps.setString(3, a.value());
                ps.executeUpdate();
            }
            return null;
        });
        console.events().publish(a);
    }

    static void logTake(Console console, Address a, String agent, long queuedAt, long takenAt) {
        console.kanal().database().inTransaction(c -> {
            closeLog(c, a, takenAt);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO handoff_log (id, channel, address, agent, "
                    + "queued_at, taken_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, UUID.randomUUID().toString());
                ps.setString(2, a.channel().id());
                ps.setString(3, a.value());
                ps.setString(4, agent);
                ps.setLong(5, queuedAt);
                ps.setLong(6, takenAt);
                ps.executeUpdate();
            }
            SqlConversationStore.appendLine(c, a, Instant.ofEpochMilli(takenAt), "note", author(agent), "took the conversation");
            return null;
        });
        console.events().publish(a);
    }

    private static void closeLog(Connection c, Address a, long at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE handoff_log SET closed_at = ? WHERE channel = ? "
                + "AND address = ? AND closed_at IS NULL")) {
            ps.setLong(1, at);
            ps.setString(2, a.channel().id());
            ps.setString(3, a.value());
            ps.executeUpdate();
        }
    }

    private static void requireOwner(Connection c, Address a, String agent) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT mode, agent FROM conversation WHERE channel = ? AND address = ?")) {
            ps.setString(1, a.channel().id());
            ps.setString(2, a.value());
            try (var rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw ConsoleException.notFound("no such conversation");
                }
                if (!"agent".equals(rs.getString(1)) || !agent.equals(rs.getString(2))) {
                    throw ConsoleException.forbidden(rs.getString(2) == null
                            ? "take the conversation before answering it"
                            : "this conversation belongs to " + rs.getString(2));
                }
            }
        }
    }
}
