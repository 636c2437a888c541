package id.kanal.store.ussd;

import id.kanal.dialog.port.OutboundMessage;
import id.kanal.store.Database;
import id.kanal.store.Outbox;
import id.kanal.store.Statements;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Slow USSD turns in the {@code ussd_pending_turn} table: held before the gateway hears END,
 * finished (late reply queued, row dropped) in one transaction, and left for the next start when
 * Kanal died in between.
 */
public final class SqlUssdPendingTurns {
    /** One held turn: the dialog's provider id for it, the caller, what they typed, when. */
    public record PendingTurn(String providerId, String phone, String input, Instant receivedAt) {
    }

    private final Database database;

    public SqlUssdPendingTurns(Database database) {
        this.database = database;
    }

    /** Holds the turn; a gateway's retry of the same request holds nothing more. */
    public void hold(PendingTurn turn) {
        database.inTransaction(c -> Statements.update(c, "INSERT INTO ussd_pending_turn (provider_id, phone, input_text, "
                        + "received_at) VALUES (?, ?, ?, ?) ON CONFLICT (provider_id) DO NOTHING",
                turn.providerId(), turn.phone(), turn.input(), turn.receivedAt().toEpochMilli()));
    }

    /** The turn is over: its late reply (if any) queued and the hold dropped, together. */
    public void finish(String providerId, Optional<OutboundMessage> lateReply, Instant now) {
        database.inTransaction(c -> {
            if (lateReply.isPresent()) {
                Outbox.enqueue(c, lateReply.get(), now);
            }
            return Statements.update(c, "DELETE FROM ussd_pending_turn WHERE provider_id = ?", providerId);
        });
    }

    /** Turns held and never finished, oldest first. */
    public List<PendingTurn> unfinished() {
        return database.read(c -> Statements.list(c, "SELECT provider_id, phone, input_text, received_at "
                        + "FROM ussd_pending_turn ORDER BY received_at, provider_id",
                rs -> new PendingTurn(rs.getString(1), rs.getString(2), rs.getString(3),
                        Instant.ofEpochMilli(rs.getLong(4)))));
    }
}
