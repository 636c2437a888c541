package id.kanal.channels.outbox;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** {@link ArrivalTimes} of one process. */
final class MemoryArrivalTimes implements ArrivalTimes {
    private final Map<String, Instant> arrival = new HashMap<>();

    @Override
    public synchronized void update(List<String> keys, Instant now, Consumer<Map<String, Instant>> decide) {
        Map<String, Instant> current = new HashMap<>();
        for (String k : keys) {
            Instant t = arrival.get(k);
            if (t != null) {
                current.put(k, t);
            }
        }
        decide.accept(current);
        arrival.putAll(current);
        if (arrival.size() > 100_000) {
            arrival.values().removeIf(t -> t.isBefore(now)); // forget recipients idle long enough
        }
    }
}
