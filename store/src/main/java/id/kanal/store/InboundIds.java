package id.kanal.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The provider ids of the inbound messages a SQLite database holds, in memory as Bloom filters, so
 * that a new message (nearly every message: a provider retries only when an answer went missing)
 * skips the duplicate look-up, a query that was 5% of an SMS turn's CPU. "Surely never seen" is
 * answered here; "perhaps seen" (a retry, or one new id in a hundred) still asks the database.
 *
 * <p>Sound only where this process is the one writer of the provider ids (a turn's message line in
 * the transcript carries its id): SQLite, whose one node receives every webhook (several nodes need
 * PostgreSQL, which always asks). It is read from the database once per {@link Database}, and every turn's id
 * is added before its transaction commits: a turn that then fails leaves an id here that the database
 * lacks, which costs only a look-up. A retry waits for its resident's turn lock, taken after the
 * first delivery's save added its id. Two bytes an id (16 bits, 11 hashes: a full filter sends 0.05%
 * of new ids to the database); a full filter is followed by one twice its size, and a new id is looked
 * for in every filter, so their false positives add up: with 10 bits (1% each) five filters of an SMS
 * bench's million ids sent about 4% of new messages to a look-up (0.8% of the server's CPU).
 */
final class InboundIds {
    private static final Map<Database, InboundIds> BY_DATABASE = Collections.synchronizedMap(new WeakHashMap<>());
    private static final int HASHES = 11;
    private static final int BITS_PER_ID = 16;
    private static final int FIRST_CAPACITY = 1 << 16;

    /** Filters in the order they were started; only the last one takes new ids. */
    private volatile List<Filter> filters;

    private InboundIds(long existing) {
        this.filters = List.of(new Filter(Math.max(FIRST_CAPACITY, 2 * existing)));
    }

    /** The ids of one SQLite database, read from its table the first time they are asked for. */
    static InboundIds of(Database db) {
        return BY_DATABASE.computeIfAbsent(db, InboundIds::load);
    }

    /**
     * The turns' message lines (V63) by the index of their time, which holds channel and provider id:
     * the scan reads that index alone, not the transcript's rows with their texts.
     */
    private static final String COUNT = "SELECT COUNT(*) FROM transcript WHERE provider_id IS NOT NULL";
    private static final String IDS = "SELECT channel, provider_id FROM transcript WHERE provider_id IS NOT NULL";

    private static InboundIds load(Database db) {
        return db.read(c -> {
            long count;
            try (PreparedStatement ps = c.prepareStatement(COUNT);
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                count = rs.getLong(1);
            }
            InboundIds ids = new InboundIds(count);
            try (PreparedStatement ps = c.prepareStatement(IDS);
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1), rs.getString(2));
                }
            }
            return ids;
        });
    }

    /** False: no message of this channel with this provider id was ever stored. True: perhaps. */
    boolean mightContain(String channel, String providerId) {
        long hash = hash(channel, providerId);
        for (Filter f : filters) {
            if (f.mightContain(hash)) {
                return true;
            }
        }
        return false;
    }

    synchronized void add(String channel, String providerId) {
        Filter last = filters.get(filters.size() - 1);
        if (last.full()) {
            List<Filter> grown = new ArrayList<>(filters);
            last = new Filter(2 * last.capacity);
            grown.add(last);
            filters = List.copyOf(grown);
        }
        last.add(hash(channel, providerId));
    }

    /** FNV-1a over the channel, a separator and the id, then MurmurHash3's finaliser to spread the bits. */
    static long hash(String channel, String providerId) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < channel.length(); i++) {
            h = (h ^ channel.charAt(i)) * 0x100000001b3L;
        }
        h = (h ^ 0xffff) * 0x100000001b3L;
        for (int i = 0; i < providerId.length(); i++) {
            h = (h ^ providerId.charAt(i)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }

    /** One Bloom filter for {@code capacity} ids; bits are set atomically, so readers need no lock. */
    private static final class Filter {
        private final long capacity;
        private final long bits;
        private final AtomicLongArray words;
        private long added;

        Filter(long capacity) {
            this.capacity = capacity;
            long words = (capacity * BITS_PER_ID + 63) / 64;
            if (words > Integer.MAX_VALUE) {
                throw new IllegalStateException("too many inbound ids for one filter: " + capacity);
            }
            this.words = new AtomicLongArray((int) words);
            this.bits = words * 64;
        }

        boolean full() {
            return added >= capacity;
        }

        void add(long hash) {
            int h1 = (int) hash;
            int h2 = (int) (hash >>> 32);
            for (int i = 0; i < HASHES; i++) {
                long bit = Math.floorMod(h1 + (long) i * h2, bits);
                words.getAndUpdate((int) (bit >>> 6), w -> w | (1L << bit));
            }
            added++;
        }

        boolean mightContain(long hash) {
            int h1 = (int) hash;
            int h2 = (int) (hash >>> 32);
            for (int i = 0; i < HASHES; i++) {
                long bit = Math.floorMod(h1 + (long) i * h2, bits);
                if ((words.get((int) (bit >>> 6)) & (1L << bit)) == 0) {
                    return false;
                }
            }
            return true;
        }
    }
}
