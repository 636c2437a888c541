package id.kanal.app.console;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a console account works: one region, or every region (a provincial operator); one agency
 * (the LAKSA desk model: only the complaints routed there), or none (every agency of its regions).
 */
public record Desk(Optional<String> region, Optional<String> agency) {
    /** Every region, every agency: what accounts made before desks existed keep. */
    public static final Desk EVERYWHERE = new Desk(Optional.empty(), Optional.empty());
    /** How a desk of every region is written in commands and the API. */
    public static final String ALL = "all";

    public Desk {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(agency, "agency");
    }

    /** The region's code, or {@value #ALL}. */
    public String regionId() {
        return region.orElse(ALL);
    }
}
