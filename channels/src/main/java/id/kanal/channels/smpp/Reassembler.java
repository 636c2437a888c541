package id.kanal.channels.smpp;

import id.kanal.dialog.Masking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Puts concatenated messages back together, keyed by (source, reference, total). A message
 * whose parts do not all arrive within {@code maxWait} is handed on with the parts that did
 * (in order), and that is logged: half a complaint beats none. Time comes from the clock, so
 * tests move it instead of sleeping.
 */
final class Reassembler {
    private static final System.Logger LOG = System.getLogger(Reassembler.class.getName());

    /** A whole message (or what arrived of it), ready for a turn. */
    record Assembled(String source, String dest, String text, Optional<Concat> concat, boolean partial) {
    }

    private record Key(String source, int ref, int total) {
    }

    private static final class Pending {
        final String dest;
        final Instant first;
        final TreeMap<Integer, String> parts = new TreeMap<>();

        Pending(String dest, Instant first) {
            this.dest = dest;
            this.first = first;
        }
    }

    private final Duration maxWait;
    private final Clock clock;
    private final Map<Key, Pending> pending = new HashMap<>();

    Reassembler(Duration maxWait, Clock clock) {
        this.maxWait = maxWait;
        this.clock = clock;
    }

    /** The message this part completes (a single-part message at once), or empty while parts are missing. */
    synchronized Optional<Assembled> offer(SmppInbound.Part part) {
        if (part.concat().isEmpty() || part.concat().get().total() == 1) {
            return Optional.of(new Assembled(part.source(), part.dest(), part.text(), part.concat(), false));
        }
        Concat c = part.concat().get();
        Key key = new Key(part.source(), c.ref(), c.total());
        Pending p = pending.computeIfAbsent(key, k -> new Pending(part.dest(), clock.instant()));
        p.parts.put(c.seq(), part.text()); // a part sent twice keeps one copy
        if (p.parts.size() < c.total()) {
            return Optional.empty();
        }
        pending.remove(key);
        return Optional.of(new Assembled(part.source(), p.dest, String.join("", p.parts.values()), part.concat(), false));
    }

    /** Messages whose wait ran out, as far as they arrived; they are forgotten here. */
    synchronized List<Assembled> expired() {
        Instant now = clock.instant();
        List<Assembled> out = new ArrayList<>();
        pending.entrySet().removeIf(e -> {
            Pending p = e.getValue();
            if (now.isBefore(p.first.plus(maxWait))) {
                return false;
            }
            Key k = e.getKey();
            LOG.log(System.Logger.Level.WARNING, "incomplete message from={0} ref={1}: {2} of {3} parts after {4}, "
                    + "handing on what arrived", Masking.mask(k.source()), k.ref(), p.parts.size(), k.total(), maxWait);
            out.add(new Assembled(k.source(), p.dest, String.join("", p.parts.values()),
                    Optional.of(new Concat(k.ref(), k.total(), p.parts.firstKey())), true));
            return true;
        });
        return out;
    }

    synchronized int waiting() {
        return pending.size();
    }
}
