package id.kanal.channels.outbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Where the outbox's rate limiter keeps each key's theoretical arrival time (a channel, or one
 * recipient on a channel): in memory for one node ({@link #inMemory()}), in the database for
 * several, so that a provider's limit holds for the whole deployment.
 */
public interface ArrivalTimes {
    /**
     * One atomic step over these keys: {@code decide} gets their current times (a key never set
     * is missing) in a map it may change; the times it leaves there are stored. Times before
     * {@code now} limit nothing any more and may be forgotten.
     */
    void update(List<String> keys, Instant now, Consumer<Map<String, Instant>> decide);

    /** One node's times, in memory; idle recipients are forgotten past 100,000 keys. */
    static ArrivalTimes inMemory() {
        return new MemoryArrivalTimes();
    }
}
