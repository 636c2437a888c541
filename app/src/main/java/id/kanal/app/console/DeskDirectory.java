package id.kanal.app.console;

import id.kanal.services.complaints.RegionDefinition;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The regions this deployment serves (the first is its default) and their agencies: what a desk
 * may name, and which region a ticket belongs to (by its prefix, unique in a deployment).
 */
public final class DeskDirectory {
    /** No region known: accounts work everywhere (tools and tests that open only the database). */
    public static final DeskDirectory EMPTY = new DeskDirectory(List.of());

    private final Map<String, RegionDefinition> regions = new LinkedHashMap<>();
    private final Map<String, String> regionByPrefix = new LinkedHashMap<>();

    public DeskDirectory(List<RegionDefinition> regions) {
        regions.forEach(r -> {
            this.regions.put(r.code(), r);
            this.regionByPrefix.put(r.ticketPrefix(), r.code());
        });
    }

    /** A new account's desk when none is given: the default region, no agency. */
    Desk defaultDesk() {
        return regions.isEmpty() ? Desk.EVERYWHERE
                : new Desk(Optional.of(regions.keySet().iterator().next()), Optional.empty());
    }

    /**
     * The desk named by a command or a request: region absent (the default), a code or
     * {@value Desk#ALL}; an agency of that region (of any region for {@value Desk#ALL}).
     *
     * @throws IllegalArgumentException for a region or agency this deployment does not have
     */
    public Desk desk(Optional<String> region, Optional<String> agency) {
        Optional<String> code = region.map(r -> r.strip().toLowerCase(Locale.ROOT));
        Desk base = code.isEmpty() ? defaultDesk()
                : code.get().equals(Desk.ALL) ? Desk.EVERYWHERE : new Desk(code, Optional.empty());
        base.region().filter(r -> !regions.containsKey(r)).ifPresent(r -> {
            throw new IllegalArgumentException("unknown region: " + r + " (known: "
                    + String.join(", ", regions.keySet()) + ", or " + Desk.ALL + ")");
        });
        Optional<String> agencyCode = agency.map(a -> a.strip().toLowerCase(Locale.ROOT)).filter(a -> !a.isEmpty());
        agencyCode.filter(a -> agencyName(base.region(), a).isEmpty()).ifPresent(a -> {
            throw new IllegalArgumentException("unknown agency: " + a + " in region " + base.regionId());
        });
        return new Desk(base.region(), agencyCode);
    }

    /** The region a ticket belongs to, by its prefix; empty for a prefix no region has. */
    public Optional<String> regionOfTicket(String ticket) {
        int dash = ticket.indexOf('-');
        return dash < 0 ? Optional.empty() : Optional.ofNullable(regionByPrefix.get(ticket.substring(0, dash)
                .toUpperCase(Locale.ROOT)));
    }

    /**
     * The region a conversation belongs to: the one its resident's address names, else the
     * default (empty when no region is known).
     */
    Optional<String> regionOfConversation(id.kanal.dialog.Address resident) {
        return resident.region().or(() -> regions.keySet().stream().findFirst());
    }

    /** The ticket prefix of a region this deployment has. */
    public Optional<String> ticketPrefix(String region) {
        return Optional.ofNullable(regions.get(region)).map(RegionDefinition::ticketPrefix);
    }

    /** The agency's name in the region (any region when empty). */
    public Optional<String> agencyName(Optional<String> region, String agency) {
        return regions.values().stream().filter(r -> region.isEmpty() || r.code().equals(region.get()))
                .flatMap(r -> r.agencies().stream()).filter(a -> a.code().equals(agency))
                .map(RegionDefinition.Agency::name).findFirst();
    }
}
