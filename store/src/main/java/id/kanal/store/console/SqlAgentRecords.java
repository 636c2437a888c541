package id.kanal.store.console;

import id.kanal.dialog.Address;
import id.kanal.dialog.port.OutboundMessage;
import id.kanal.store.Database;
import id.kanal.store.Outbox;
import id.kanal.store.SqlConversationStore;
import id.kanal.store.Statements;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static id.kanal.store.console.AgentRecords.author;

/** {@link AgentRecords} in the {@code transcript}, {@code outbox} and {@code handoff_log} tables. */
public final class SqlAgentRecords implements AgentRecords {
    private final Database db;

    public SqlAgentRecords(Database db) {
        this.db = db;
    }

    @Override
    public Optional<Refusal> reply(Address a, String agent, OutboundMessage message, Instant now) {
        return db.inTransaction(c -> {
            Optional<Refusal> refused = refusal(c, a, agent);
            if (refused.isPresent()) {
                return refused;
            }
            SqlConversationStore.appendLine(c, db, a, now, "out", author(agent), message.body());
            Outbox.enqueue(c, message, now);
            Statements.update(c, "UPDATE handoff_log SET first_answer_at = ? WHERE channel = ? AND address = ? "
                    + "AND closed_at IS NULL AND first_answer_at IS NULL", now.toEpochMilli(), a.channel().id(), a.value());
            return Optional.empty();
        });
    }

    @Override
    public void note(Address a, String agent, String text, Instant now) {
        db.inTransaction(c -> SqlConversationStore.appendLine(c, db, a, now, "note", author(agent), text));
    }

    @Override
    public void handedBack(Address a, String agent, OutboundMessage botMessage, Instant now) {
        db.inTransaction(c -> {
            SqlConversationStore.appendLine(c, db, a, now, "out", "bot", botMessage.body());
            Outbox.enqueue(c, botMessage, now);
            SqlConversationStore.appendLine(c, db, a, now, "note", author(agent), "handed back to the bot");
            return closeLog(c, a, now);
        });
    }

    @Override
    public void transferred(Address a, String from, String to, Instant now) {
        db.inTransaction(c -> {
            SqlConversationStore.appendLine(c, db, a, now, "note", author(from), "transferred to " + to);
            return Statements.update(c, "UPDATE handoff_log SET agent = ? WHERE channel = ? AND address = ? "
                    + "AND closed_at IS NULL", to, a.channel().id(), a.value());
        });
    }

    /** The transcript note of an agent's own take (the console shows it in the account's language). */
    public static final String TOOK = "took the conversation";
    /** The transcript note of an auto-assignment. */
    public static final String ASSIGNED_AUTOMATICALLY = "was assigned the conversation automatically";

    @Override
    public void taken(Address a, String agent, Instant queuedAt, Instant takenAt) {
        start(a, agent, queuedAt, takenAt, TOOK);
    }

    @Override
    public void assignedAutomatically(Address a, String agent, Instant queuedAt, Instant takenAt) {
        start(a, agent, queuedAt, takenAt, ASSIGNED_AUTOMATICALLY);
    }

    private void start(Address a, String agent, Instant queuedAt, Instant takenAt, String note) {
        db.inTransaction(c -> {
            closeLog(c, a, takenAt);
            Statements.update(c, "INSERT INTO handoff_log (id, channel, address, agent, queued_at, taken_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?)", UUID.randomUUID().toString(), a.channel().id(), a.value(),
                    agent, queuedAt.toEpochMilli(), takenAt.toEpochMilli());
            return SqlConversationStore.appendLine(c, db, a, takenAt, "note", author(agent), note);
        });
    }

    private static int closeLog(Connection c, Address a, Instant at) throws SQLException {
        return Statements.update(c, "UPDATE handoff_log SET closed_at = ? WHERE channel = ? AND address = ? "
                + "AND closed_at IS NULL", at.toEpochMilli(), a.channel().id(), a.value());
    }

    private static Optional<Refusal> refusal(Connection c, Address a, String agent) throws SQLException {
        Optional<Mode> mode = Statements.first(c, "SELECT mode, agent FROM conversation WHERE channel = ? "
                + "AND address = ?", rs -> new Mode(rs.getString(1), rs.getString(2)), a.channel().id(), a.value());
        if (mode.isEmpty()) {
            return Optional.of(new Refusal(false, null));
        }
        Mode m = mode.get();
        return "agent".equals(m.mode()) && agent.equals(m.agent()) ? Optional.empty() : Optional.of(new Refusal(true, m.agent()));
    }

    /** A conversation's mode and the agent it is with (or was last). */
    private record Mode(String mode, String agent) {
    }
}
