package id.kanal.dialog;

import id.kanal.dialog.port.PriceService;
import id.kanal.dialog.port.ScheduleService;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * The main menu as a region can answer it: an entry whose service has no data there (no timetable
 * feed, a price board without a commodity) is left out, the others keep their numbers (the same
 * "3" and "4" in every region, language and channel), and a resident who asks for a missing service
 * anyway hears that it is not available here yet. Data arrives at run time (a GTFS import, the
 * first prices), so the check is made per menu shown; the menus without an entry are built once.
 */
final class ServiceMenu {
    static final String PRICES = "3";
    static final String TIMETABLE = "4";

    /** Every service offered: where no region data is at hand. */
    static final ServiceMenu EVERYTHING = new ServiceMenu(() -> true, () -> true);

    private final BooleanSupplier prices;
    private final BooleanSupplier timetable;
    /** Menus without some entries, by the full menu they were cut from and the entries left out. */
    private final Map<Reply, Map<Set<String>, Reply>> cut = new ConcurrentHashMap<>();

    private ServiceMenu(BooleanSupplier prices, BooleanSupplier timetable) {
        this.prices = prices;
        this.timetable = timetable;
    }

    /** The region's own services: prices when its board lists a commodity, timetables when it has a feed. */
    static ServiceMenu of(PriceService prices, ScheduleService schedules) {
        return new ServiceMenu(() -> !prices.commodities().isEmpty(), schedules::hasTrips);
    }

    boolean offersPrices() {
        return prices.getAsBoolean();
    }

    boolean offersTimetable() {
        return timetable.getAsBoolean();
    }

    /** The menu without the entries of services this region has no data for. */
    Reply shown(Reply full) {
        Set<String> missing = new TreeSet<>();
        if (!offersPrices()) {
            missing.add(PRICES);
        }
        if (!offersTimetable()) {
            missing.add(TIMETABLE);
        }
        return missing.isEmpty() ? full
                : cut.computeIfAbsent(full, f -> new ConcurrentHashMap<>()).computeIfAbsent(missing, m -> without(full, m));
    }

    /** The menu without entries {@code numbers}: their options, and their "N Label" in the text. */
    static Reply without(Reply menu, Set<String> numbers) {
        String text = menu.text();
        List<Reply.Option> options = new ArrayList<>();
        for (Reply.Option o : menu.options()) {
            if (!numbers.contains(o.key())) {
                options.add(o);
            }
        }
        for (String n : numbers) {
            String after = text.replaceFirst("  " + n + " [^\\n]*?(?=  |\\n|$)", "");
            text = after.equals(text) ? text.replaceFirst("(?m)^" + n + " [^\\n]*?(  |\\n)", "") : after;
        }
        return new Reply(text, options, menu.endSession());
    }

    /** What a resident who asks for a service the region has no data for hears (entry {@code number}). */
    static Outcome unavailable(Conversation c, Replies replies, String number) {
        return Outcome.of(c.with(State.MENU), replies.say(c.language(), "service.unavailable." + number,
                Map.of("region", replies.settings().regionName())));
    }
}
