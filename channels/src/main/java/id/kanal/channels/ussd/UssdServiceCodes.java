package id.kanal.channels.ussd;

import java.util.Set;

/**
 * The USSD service codes a deployment claims (every region's {@code ussd} identities, e.g.
 * {@code *500*22#}). A gateway that forwards the whole dial string ({@code *500*22*1#}, as an
 * SMSC does over SMPP) leaves it to Kanal to tell the code from the inputs typed after it; codes
 * may themselves have several groups, so only the list of known codes can tell. App provides it
 * from the region files; without it, a link's own code is the only one known.
 */
@FunctionalInterface
public interface UssdServiceCodes {
    /** The codes as region files write them ({@code *500*22#}). */
    Set<String> all();

    static UssdServiceCodes none() {
        return Set::of;
    }
}
