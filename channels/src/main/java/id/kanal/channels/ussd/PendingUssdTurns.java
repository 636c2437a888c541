package id.kanal.channels.ussd;

import id.kanal.dialog.port.OutboundMessage;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * USSD turns slower than the deadline: the gateway hears {@code END} at once while the turn
 * runs on, so the message is held durably before that {@code END} goes out, and finished (its
 * late reply queued, the hold dropped, in one step) when the turn is over. A crash in between
 * leaves it held; {@link UssdService#resumeUnfinished()} runs it at the next start.
 */
public interface PendingUssdTurns {
    /** One held turn: the dialog's provider id for it, the caller (E.164), what they typed, when. */
    record Pending(String providerId, String phone, String input, Instant receivedAt) {
    }

    /** Holds the turn (durable when this returns); the same provider id again holds nothing more. */
    void hold(Pending turn);

    /** Queues the late reply, if any, and drops the hold, together. */
    void finish(String providerId, Optional<OutboundMessage> lateReply);

    /** Turns held and never finished, oldest first. */
    List<Pending> unfinished();

    /** In memory (nothing survives a restart): for the adapter run alone; late replies go to {@code outbox}. */
    static PendingUssdTurns inMemory(Consumer<OutboundMessage> outbox) {
        Map<String, Pending> held = new ConcurrentHashMap<>();
        return new PendingUssdTurns() {
            @Override
            public void hold(Pending turn) {
                held.putIfAbsent(turn.providerId(), turn);
            }

            @Override
            public void finish(String providerId, Optional<OutboundMessage> lateReply) {
                lateReply.ifPresent(outbox);
                held.remove(providerId);
            }

            @Override
            public List<Pending> unfinished() {
                return held.values().stream().sorted(java.util.Comparator.comparing(Pending::receivedAt)).toList();
            }
        };
    }
}
