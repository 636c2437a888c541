package id.kanal.app;

import id.kanal.channels.ussd.UssdReceipts;
import id.kanal.dialog.InboundMessage;
import id.kanal.store.Database;

import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * A USSD turn filed a complaint when a complaint carries the turn's inbound message as its
 * idempotency key (ComplaintFlow files with {@code <channel>:<provider message id>}); the complaint
 * desk queues a USSD reporter's SMS receipt in that same transaction, so the row means the receipt.
 */
final class SqlUssdReceipts implements UssdReceipts {
    private final Database database;

    SqlUssdReceipts(Database database) {
        this.database = database;
    }

    @Override
    public boolean queuedFor(InboundMessage turn) {
        String key = turn.channel().id() + ":" + turn.providerMessageId();
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM complaint WHERE idempotency_key = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }
}
