package id.kanal.channels.smpp;

import id.kanal.dialog.port.OutboundMessage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;

/** {@link SmppLedger} in memory: one node, tests and the benchmark. */
final class MemorySmppLedger implements SmppLedger {
    private record Inbound(String id, Instant at, boolean answered) {
    }

    private final Consumer<OutboundMessage> outbox;
    private final Map<String, List<Inbound>> byKey = new HashMap<>();
    private final Map<String, Boolean> answered = new HashMap<>();
    private final Map<String, String> segmentOwner = new HashMap<>();
    private final Map<String, Map<String, SegmentState>> segments = new HashMap<>();
    private final Map<PartsKey, TreeMap<Integer, HeldPart>> held = new LinkedHashMap<>();

    MemorySmppLedger(Consumer<OutboundMessage> outbox) {
        this.outbox = outbox;
    }

    @Override
    public synchronized String inbound(String contentKey, Instant now, Duration window) {
        List<Inbound> seen = byKey.computeIfAbsent(contentKey, k -> new ArrayList<>());
        for (Inbound i : seen) {
            if (!answered.getOrDefault(i.id(), false) && !i.at().isBefore(now.minus(window))) {
                return i.id();
            }
        }
        String id = "smpp-" + UUID.randomUUID();
        seen.add(new Inbound(id, now, false));
        return id;
    }

    @Override
    public synchronized boolean answered(String providerId, Optional<OutboundMessage> reply, Optional<PartsKey> parts,
                                         Instant now) {
        parts.ifPresent(held::remove);
        if (Boolean.TRUE.equals(answered.put(providerId, true))) {
            return false;
        }
        reply.ifPresent(outbox);
        return reply.isPresent();
    }

    @Override
    public synchronized boolean holdPart(HeldPart part) {
        return held.computeIfAbsent(part.message(), k -> new TreeMap<>()).putIfAbsent(part.seq(), part) == null;
    }

    @Override
    public synchronized List<HeldPart> heldParts(PartsKey message) {
        return List.copyOf(held.getOrDefault(message, new TreeMap<>()).values());
    }

    @Override
    public synchronized List<HeldPart> heldParts(String link) {
        return held.entrySet().stream().filter(e -> e.getKey().link().equals(link))
                .flatMap(e -> e.getValue().values().stream()).toList();
    }

    @Override
    public synchronized void segmentsSent(String providerId, List<String> segmentIds, Instant now) {
        Map<String, SegmentState> parts = segments.computeIfAbsent(providerId, k -> new HashMap<>());
        for (String s : segmentIds) {
            segmentOwner.put(s, providerId);
            parts.putIfAbsent(s, SegmentState.SENT);
        }
    }

    @Override
    public synchronized Optional<Delivery> segmentReceipt(String segmentId, SegmentState state, Optional<String> error,
                                                          Instant now) {
        String owner = segmentOwner.get(segmentId);
        if (owner == null) {
            return Optional.empty();
        }
        Map<String, SegmentState> parts = segments.get(owner);
        parts.put(segmentId, state);
        return Optional.of(SmppLedgers.delivery(owner, parts.values(), error));
    }
}
