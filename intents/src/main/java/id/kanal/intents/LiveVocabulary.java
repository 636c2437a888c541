package id.kanal.intents;

import id.kanal.dialog.port.Category;
import id.kanal.dialog.port.Commodity;
import id.kanal.dialog.port.ComplaintService;
import id.kanal.dialog.port.PriceService;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The current {@link Vocabulary}, read from the price board and the complaint desk and kept
 * until {@link #refresh()} is called (after a price import, say). A service that fails keeps
 * the previous names: a desk outage must not make the bot forget what "beras" is.
 * Thread-safe.
 */
public final class LiveVocabulary implements Supplier<Vocabulary> {
    private static final System.Logger LOG = System.getLogger(LiveVocabulary.class.getName());

    private final Optional<PriceService> prices;
    private final Optional<ComplaintService> complaints;
    private final AtomicReference<Vocabulary> current;

    private LiveVocabulary(Optional<PriceService> prices, Optional<ComplaintService> complaints, Vocabulary base) {
        this.prices = prices;
        this.complaints = complaints;
        this.current = new AtomicReference<>(base);
    }

    /** A vocabulary that never changes. */
    public static LiveVocabulary fixed(Vocabulary vocabulary) {
        return new LiveVocabulary(Optional.empty(), Optional.empty(), Objects.requireNonNull(vocabulary, "vocabulary"));
    }

    /**
     * Names from the given services; whatever a service does not supply (or an absent
     * service) comes from {@code base}, normally {@link Vocabulary#tangerang()}. Reads the
     * services once now.
     */
    public static LiveVocabulary from(Optional<PriceService> prices, Optional<ComplaintService> complaints,
                                      Vocabulary base) {
        Objects.requireNonNull(prices, "prices");
        Objects.requireNonNull(complaints, "complaints");
        LiveVocabulary live = new LiveVocabulary(prices, complaints, Objects.requireNonNull(base, "base"));
        live.refresh();
        return live;
    }

    @Override
    public Vocabulary get() {
        return current.get();
    }

    /** Reads the services again; keeps the previous names of a service that fails. */
    public void refresh() {
        Vocabulary next = current.get();
        if (prices.isPresent()) {
            try {
                List<Commodity> commodities = prices.get().commodities();
                List<String> markets = prices.get().markets();
                if (!commodities.isEmpty()) {
                    next = next.withCommodities(commodities);
                }
                if (!markets.isEmpty()) {
                    next = next.withMarkets(markets);
                }
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "vocabulary refresh failed source=prices error={0}", e.toString());
            }
        }
        if (complaints.isPresent()) {
            try {
                List<Category> categories = complaints.get().categories();
                if (!categories.isEmpty()) {
                    next = next.withCategories(categories);
                }
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "vocabulary refresh failed source=complaints error={0}", e.toString());
            }
        }
        current.set(next);
        LOG.log(System.Logger.Level.DEBUG, "vocabulary refreshed commodities={0} markets={1} categories={2}",
                String.valueOf(next.commodities().size()), String.valueOf(next.markets().size()),
                String.valueOf(next.categories().size()));
    }
}
