package id.kanal.channels.smpp;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One SMSC Kanal binds to as a transceiver.
 *
 * @param name          names the link in logs, health and provider ids
 * @param systemType    {@code system_type} of the bind (some operators require one)
 * @param sourceAddr    the short code or number residents text; replies come from it
 * @param sourceTon     TON of {@code sourceAddr}; empty: derived from its form ({@link #tonFor})
 * @param sourceNpi     NPI of {@code sourceAddr}; empty: derived from its form
 * @param tps           submits per second the operator contracted
 * @param window        {@code submit_sm} in flight (sent, not yet answered) at most
 * @param packed        whether this SMSC packs GSM 7-bit text (most send one septet per octet)
 * @param ussdCode      the USSD service code routed to Kanal ({@code *123#}), when USSD comes over this link
 * @param enquireLink   how often {@code enquire_link} checks an idle link
 * @param reconnectMin  the first wait after a failed bind or a dropped link; doubled up to {@code reconnectMax}
 */
public record SmppConnection(String name, String host, int port, String systemId, String password, String systemType,
                             String sourceAddr, Optional<Integer> sourceTon, Optional<Integer> sourceNpi, double tps,
                             int window, boolean packed, Optional<String> ussdCode, Duration enquireLink,
                             Duration reconnectMin, Duration reconnectMax) {
    public SmppConnection {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(systemId, "systemId");
        Objects.requireNonNull(password, "password");
        systemType = systemType == null ? "" : systemType;
        sourceAddr = sourceAddr == null ? "" : sourceAddr;
        Objects.requireNonNull(sourceTon, "sourceTon");
        Objects.requireNonNull(sourceNpi, "sourceNpi");
        ussdCode = Objects.requireNonNull(ussdCode, "ussdCode").filter(c -> !c.isBlank());
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1-65535: " + port);
        }
        // SMPP 3.4 section 4.1.1: C-octet strings of at most 16, 9 and 13 octets with their NUL.
        // Checked here, so a long password fails at start with its name, never echoed in a log.
        if (systemId.length() > 15 || password.length() > 8 || systemType.length() > 12) {
            throw new IllegalArgumentException("SMPP connection " + name + ": system id at most 15 characters, "
                    + "password at most 8, system type at most 12 (SMPP 3.4)");
        }
        if (!(tps > 0) || window < 1) {
            throw new IllegalArgumentException("tps and window must be positive: tps=" + tps + " window=" + window);
        }
    }

    /**
     * TON from the address's form: international for {@code +} or 10+ digits, alphanumeric for
     * letters, network-specific for a short code, unknown for a USSD service code ({@code *500*22#}).
     */
    static int tonFor(String addr) {
        if (isServiceCode(addr)) {
            return 0;
        }
        if (addr.startsWith("+") || addr.matches("\\d{10,}")) {
            return 1;
        }
        return addr.matches("\\d+") ? 3 : 5;
    }

    /** A USSD service code as a gateway writes the dialled address: digits with {@code *} or {@code #}. */
    private static boolean isServiceCode(String addr) {
        return addr.matches("[*#\\d]+") && !addr.matches("\\d+");
    }

    /** NPI from the address's form: ISDN (E.164) for numbers, unknown for alphanumeric senders and USSD codes. */
    static int npiFor(String addr) {
        return addr.matches("\\+?\\d+") ? 1 : 0;
    }

    int ton() {
        return sourceTon.orElse(tonFor(sourceAddr));
    }

    int npi() {
        return sourceNpi.orElse(npiFor(sourceAddr));
    }

    /** The source address on the wire: without the {@code +} of E.164. */
    String wireSource() {
        return sourceAddr.startsWith("+") ? sourceAddr.substring(1) : sourceAddr;
    }

    /** A {@code submit_sm}'s source: its address on the wire, TON and NPI. */
    record Source(String wire, int ton, int npi) {
    }

    /**
     * The source of a submit: the link's own address (with its configured TON and NPI), or
     * {@code other} (a region's short code the resident wrote to), its TON and NPI from its form.
     */
    Source source(Optional<String> other) {
        String addr = other.map(String::strip).filter(a -> !a.isEmpty()).orElse(sourceAddr);
        if (addr.equals(sourceAddr) || addr.equals(wireSource())) {
            return new Source(wireSource(), ton(), npi());
        }
        return new Source(addr.startsWith("+") ? addr.substring(1) : addr, tonFor(addr), npiFor(addr));
    }

    @Override
    public String toString() {
        return "SmppConnection[name=" + name + ", " + host + ":" + port + ", systemId=" + systemId + ", password=***"
                + ", sourceAddr=" + sourceAddr + ", tps=" + tps + ", window=" + window + ", packed=" + packed
                + ", ussdCode=" + ussdCode.orElse("-") + "]";
    }
}
