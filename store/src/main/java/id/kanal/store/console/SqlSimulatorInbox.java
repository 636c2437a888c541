package id.kanal.store.console;

import id.kanal.dialog.Address;
import id.kanal.store.Database;
import id.kanal.store.Residents;
import id.kanal.store.Statements;

import java.time.Instant;
import java.util.List;

/** {@link SimulatorInbox} over the {@code outbox} and {@code resident} tables. */
public final class SqlSimulatorInbox implements SimulatorInbox {
    private final Database db;

    public SqlSimulatorInbox(Database db) {
        this.db = db;
    }

    @Override
    public void whatsAppInbound(String phone, Instant at) {
        db.inTransaction(c -> {
            Residents.touchWhatsApp(c, phone, at);
            return null;
        });
    }

    @Override
    public List<SentMessage> sentTo(Address from, Address to, long afterMillis) {
        if (!from.isSimulated() || !to.isSimulated()) {
            // Only the simulator's own residents: it can never read what a real resident was sent.
            return List.of();
        }
        return db.read(c -> Statements.list(c, "SELECT id, body, kind, created_at FROM outbox WHERE channel = ? "
                        + "AND address = ? AND created_at > ? ORDER BY created_at, id",
                rs -> new SentMessage(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        to.channel().id()), to.channel().id(), to.value(), afterMillis));
    }
}
