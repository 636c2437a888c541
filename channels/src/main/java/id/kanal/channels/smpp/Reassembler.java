package id.kanal.channels.smpp;

import id.kanal.channels.smpp.SmppLedger.HeldPart;
import id.kanal.channels.smpp.SmppLedger.PartsKey;
import id.kanal.dialog.Masking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Puts one link's concatenated messages back together. Its state is the {@link SmppLedger}'s
 * held parts, keyed by (link, source, reference, total): every part is held durably before
 * {@link #accept} returns (and so before its {@code deliver_sm_resp}), a part delivered again is
 * held once, and parts a previous run left are found again after a restart. A message whose
 * parts do not all arrive within {@code maxWait} of its first is handed on with the parts that
 * did (in order), and that is logged: half a complaint beats none. The turn that takes a
 * message forgets its parts in the transaction that answers it ({@link SmsTurns}), so a message
 * is handed on once. Time comes from the clock, so tests move it instead of sleeping.
 */
final class Reassembler {
    private static final System.Logger LOG = System.getLogger(Reassembler.class.getName());

    /** A whole message (or what arrived of it), ready for a turn. */
    record Assembled(String source, String dest, String text, Optional<Concat> concat, boolean partial) {
    }

    private final String link;
    private final SmppLedger ledger;
    private final Duration maxWait;
    private final Clock clock;

    Reassembler(String link, SmppLedger ledger, Duration maxWait, Clock clock) {
        this.link = link;
        this.ledger = ledger;
        this.maxWait = maxWait;
        this.clock = clock;
    }

    /**
     * Runs {@code turn} for the message this part completes (a single-part message at once); a part
     * whose siblings are missing is only held. Parts go through one at a time (the lock is held over
     * the turn), so a last part arriving as the wait runs out cannot make two turns of one message.
     */
    void accept(SmppInbound.Part part, Consumer<Assembled> turn) {
        if (part.concat().isEmpty() || part.concat().get().total() == 1) {
            turn.accept(new Assembled(part.source(), part.dest(), part.text(), part.concat(), false));
            return;
        }
        Concat c = part.concat().get();
        PartsKey key = new PartsKey(link, part.source(), c.ref(), c.total());
        synchronized (this) {
            String dest = part.dest() == null ? "" : part.dest();
            if (!ledger.holdPart(new HeldPart(key, c.seq(), dest, part.text(), clock.instant()))) {
                LOG.log(System.Logger.Level.DEBUG, "part {0} of {1} ref={2} from={3} delivered again, held once",
                        c.seq(), c.total(), c.ref(), Masking.mask(part.source()));
            }
            List<HeldPart> parts = ledger.heldParts(key);
            if (parts.size() == c.total()) {
                turn.accept(assembled(key, parts));
            }
        }
    }

    /** Runs {@code turn} for each message whose wait ran out, with what arrived of it; also for parts a previous run left. */
    synchronized void handOnExpired(Consumer<Assembled> turn) {
        Instant now = clock.instant();
        Map<PartsKey, List<HeldPart>> byMessage = new LinkedHashMap<>();
        for (HeldPart p : ledger.heldParts(link)) {
            byMessage.computeIfAbsent(p.message(), k -> new ArrayList<>()).add(p);
        }
        byMessage.forEach((key, parts) -> {
            Instant first = parts.stream().map(HeldPart::receivedAt).min(Instant::compareTo).orElseThrow();
            if (now.isBefore(first.plus(maxWait))) {
                return;
            }
            LOG.log(System.Logger.Level.WARNING, "incomplete message link={0} from={1} ref={2}: {3} of {4} parts after {5}, "
                    + "handing on what arrived", link, Masking.mask(key.source()), key.ref(), parts.size(), key.total(), maxWait);
            turn.accept(assembled(key, parts));
        });
    }

    private static Assembled assembled(PartsKey key, List<HeldPart> parts) {
        StringBuilder text = new StringBuilder();
        parts.forEach(p -> text.append(p.text()));
        return new Assembled(key.source(), parts.get(0).dest(), text.toString(),
                Optional.of(new Concat(key.ref(), key.total(), parts.get(0).seq())), parts.size() < key.total());
    }

    /** How many messages are waiting for parts. */
    int waiting() {
        return (int) ledger.heldParts(link).stream().map(HeldPart::message).distinct().count();
    }
}
