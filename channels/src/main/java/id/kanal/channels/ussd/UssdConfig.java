package id.kanal.channels.ussd;

import id.kanal.channels.web.Cidr;
import io.helidon.common.config.Config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * USSD gateway settings. The route trusts the {@code phoneNumber} a caller sends, so it accepts
 * nothing until the gateway is named: an allow-list, a secret, or both ({@link #enabled()}).
 * Loopback is not a default: behind a same-host reverse proxy or tunnel every caller is loopback.
 *
 * @param allowed      networks the gateway calls from ({@code KANAL_USSD_ALLOWED_IPS}); empty: any network
 *                     (then only the secret decides)
 * @param secret       the {@code key} query parameter the gateway must send ({@code KANAL_USSD_SECRET}), when set
 * @param deadline     how long a turn may run before the screen says the answer comes by SMS: gateways
 *                     drop a session that waits more than a few seconds, and residents stare at "please wait"
 * @param resumeWindow how long after a drop a new session offers to continue the old one
 */
public record UssdConfig(List<Cidr> allowed, Optional<String> secret, Duration deadline, Duration resumeWindow) {
    public static final Duration DEFAULT_DEADLINE = Duration.ofMillis(800);
    public static final Duration DEFAULT_RESUME_WINDOW = Duration.ofMinutes(5);

    public UssdConfig {
        allowed = List.copyOf(allowed);
        Objects.requireNonNull(secret, "secret");
        secret = secret.filter(s -> !s.isBlank());
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(resumeWindow, "resumeWindow");
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("deadline must be positive: " + deadline);
        }
    }

    /** From the environment's values: CIDRs (comma-separated), and an optional key. */
    public static UssdConfig of(Optional<String> allowedIps, Optional<String> secret) {
        return new UssdConfig(allowedIps.map(Cidr::parseList).orElse(List.of()), secret,
                DEFAULT_DEADLINE, DEFAULT_RESUME_WINDOW);
    }

    /** Whether the gateway is named (an allow-list or a secret): until then the route refuses every call. */
    public boolean enabled() {
        return !allowed.isEmpty() || secret.isPresent();
    }

    /**
     * Reads the {@code kanal.ussd} subtree: {@code allowed-ips} (comma-separated CIDRs) and
     * {@code secret} (set through the environment).
     */
    public static UssdConfig create(Config ussd) {
        Optional<String> allowed = ussd.get("allowed-ips").asString().asOptional().map(String::strip)
                .filter(v -> !v.isEmpty());
        try {
            return of(allowed, ussd.get("secret").asString().asOptional().map(String::strip));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(ussd.get("allowed-ips").key() + ": " + e.getMessage(), e);
        }
    }

    /** A copy with another turn deadline (tests use a short one). */
    public UssdConfig withDeadline(Duration newDeadline) {
        return new UssdConfig(allowed, secret, newDeadline, resumeWindow);
    }

    @Override
    public String toString() {
        return "UssdConfig[allowed=" + allowed + ", secret=" + (secret.isPresent() ? "***" : "unset")
                + ", deadline=" + deadline + ", resumeWindow=" + resumeWindow + "]";
    }
}
