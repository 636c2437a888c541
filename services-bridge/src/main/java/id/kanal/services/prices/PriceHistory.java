package id.kanal.services.prices;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Every price of one commodity, by market ("" = region-wide) and day: small (a few markets
 * times a few months), so the board caches it whole and answers every question from memory.
 */
record PriceHistory(String commodity, String unit, Map<String, NavigableMap<LocalDate, Long>> byMarket) {
    /** How far back "seven days earlier" may look when that exact day has no survey. */
    private static final int WEEK_SLACK_DAYS = 3;

    /**
     * The region-wide series: the feed's own when it has one, otherwise the median of the
     * markets on each day, so "harga beras?" without a market still has an answer.
     */
    NavigableMap<LocalDate, Long> regionWide() {
        NavigableMap<LocalDate, Long> own = byMarket.get("");
        if (own != null) {
            return own;
        }
        NavigableMap<LocalDate, List<Long>> days = new TreeMap<>();
        byMarket.values().forEach(series -> series.forEach((d, p) -> days.computeIfAbsent(d, k -> new ArrayList<>()).add(p)));
        NavigableMap<LocalDate, Long> median = new TreeMap<>();
        days.forEach((d, prices) -> {
            Collections.sort(prices);
            int n = prices.size();
            median.put(d, n % 2 == 1 ? prices.get(n / 2) : Math.round((prices.get(n / 2 - 1) + prices.get(n / 2)) / 2.0));
        });
        return median;
    }

    /** The price seven days before {@code day}, or the closest survey up to three days before that. */
    static OptionalLong weekEarlier(NavigableMap<LocalDate, Long> series, LocalDate day) {
        LocalDate target = day.minusDays(7);
        var entry = series.floorEntry(target);
        return entry != null && !entry.getKey().isBefore(target.minusDays(WEEK_SLACK_DAYS))
                ? OptionalLong.of(entry.getValue()) : OptionalLong.empty();
    }
}
