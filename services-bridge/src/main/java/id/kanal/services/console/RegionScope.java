package id.kanal.services.console;

import java.util.Objects;

/**
 * One region of a deployment, as the console's figures filter by it: its complaints by ticket
 * prefix (unique in a deployment), its categories and agencies by their region, its residents'
 * conversations and messages by their address (a non-default region's residents carry
 * {@code @<region>}, see {@code id.kanal.dialog.Address#inRegion}; the default's carry none).
 * Codes and prefixes are checked here, so the conditions are safe to write into SQL.
 */
public record RegionScope(String code, String ticketPrefix, boolean isDefault) {
    public RegionScope {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(ticketPrefix, "ticketPrefix");
        if (!code.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("region code must be lower-case letters, digits and dashes: " + code);
        }
        if (!ticketPrefix.matches("[A-Z]{2,5}")) {
            throw new IllegalArgumentException("ticketPrefix must be 2-5 capital letters: " + ticketPrefix);
        }
    }

    /** The region's complaints: {@code <alias>.ticket} starts with its prefix. */
    String complaints(String alias) {
        return alias + ".ticket LIKE '" + ticketPrefix + "-%'";
    }

    /** The region's categories or agencies: {@code <alias>.region_code}. */
    String owned(String alias) {
        return alias + ".region_code = '" + code + "'";
    }

    /** The region's residents: by the region their address names, none for the default region. */
    String residents(String alias) {
        return isDefault ? alias + ".address NOT LIKE '%@%'" : alias + ".address LIKE '%@" + code + "'";
    }
}
