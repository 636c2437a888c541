package id.kanal.channels;

import id.kanal.dialog.Address;

import java.util.Optional;

/**
 * Who wrote, as the region of the identity they wrote to knows them: in a deployment of several
 * regions the same number writing to two regions' identities (short codes, USSD codes, WhatsApp
 * senders) is two residents ({@code +62...} and {@code +62...@kabupaten-tangerang}), each with
 * their own conversation, USSD session and WhatsApp 24-hour window. App provides it from the
 * region files; without it everyone is their bare address (one region).
 */
@FunctionalInterface
public interface RegionResidents {
    /**
     * @param from     the sender's bare address
     * @param identity the number, code or sender the message arrived on (a message's {@code to})
     */
    Address of(Address from, Optional<String> identity);

    /** One region: the sender's address is the resident. */
    static RegionResidents oneRegion() {
        return (from, identity) -> from;
    }
}
