package id.kanal.app;

import id.kanal.channels.ussd.PendingUssdTurns;
import id.kanal.dialog.port.OutboundMessage;
import id.kanal.store.ussd.SqlUssdPendingTurns;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The USSD adapter's slow turns held in the database ({@link SqlUssdPendingTurns}); the two modules' types meet here. */
final class StoredPendingUssdTurns implements PendingUssdTurns {
    private final SqlUssdPendingTurns table;
    private final Clock clock;

    StoredPendingUssdTurns(SqlUssdPendingTurns table, Clock clock) {
        this.table = table;
        this.clock = clock;
    }

    @Override
    public void hold(Pending turn) {
        table.hold(new SqlUssdPendingTurns.PendingTurn(turn.providerId(), turn.phone(), turn.input(), turn.receivedAt()));
    }

    @Override
    public void finish(String providerId, Optional<OutboundMessage> lateReply) {
        table.finish(providerId, lateReply, clock.instant());
    }

    @Override
    public List<Pending> unfinished() {
        return table.unfinished().stream()
                .map(p -> new Pending(p.providerId(), p.phone(), p.input(), p.receivedAt())).toList();
    }
}
