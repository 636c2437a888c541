package id.kanal.services.live;

import java.util.List;
import java.util.Optional;

/** The LIVE Room board's figures, per region; nothing in them names or locates a resident. */
public interface LiveBoard {
    /** The regions with a board, in the deployment's order. */
    List<LiveRegion> regions();

    /** A region's figures now; empty for a region this deployment does not serve. */
    Optional<LiveFigures> figures(String regionCode);
}
