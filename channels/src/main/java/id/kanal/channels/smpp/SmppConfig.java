package id.kanal.channels.smpp;

import id.kanal.channels.ConfigValues;
import io.helidon.common.config.Config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SMPP settings: the SMSC links and how inbound messages are put together. Read from the
 * {@code kanal.smpp} subtree ({@code connections:} a list, each with {@code name}, {@code host},
 * {@code port}, {@code system-id}, {@code system-type}, {@code source-addr}, {@code source-ton},
 * {@code source-npi}, {@code tps}, {@code window}, {@code packed}, {@code ussd-code},
 * {@code enquire-link}, {@code reconnect-min}, {@code reconnect-max}; and
 * {@code reassembly-wait}, {@code dedupe-window}), or for one link from the environment
 * ({@code KANAL_SMPP_HOST}, {@code _PORT}, {@code _SYSTEM_ID}, {@code _PASSWORD},
 * {@code _SYSTEM_TYPE}, {@code _SOURCE_ADDR}, {@code _TPS}, {@code _USSD_CODE}), which then
 * replaces the list. Passwords come only from the environment: a listed connection names its
 * variable with {@code password-env}. No link configured: SMPP is off.
 *
 * @param reassemblyWait how long the parts of a concatenated message are waited for
 * @param dedupeWindow   how long an unanswered inbound message is taken to be the same one when it comes again
 * @param sendsSms       whether the outbox's SMS (replies, receipts, status changes) go over SMPP:
 *                       {@code KANAL_SMS_SENDER=smpp|twilio}, by default SMPP when it is configured
 */
public record SmppConfig(List<SmppConnection> connections, Duration reassemblyWait, Duration dedupeWindow,
                         boolean sendsSms) {
    public static final double DEFAULT_TPS = 10;
    public static final int DEFAULT_WINDOW = 10;
    public static final Duration DEFAULT_REASSEMBLY_WAIT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_DEDUPE_WINDOW = Duration.ofHours(1);

    public SmppConfig {
        connections = List.copyOf(connections);
        long names = connections.stream().map(SmppConnection::name).distinct().count();
        if (names != connections.size()) {
            throw new IllegalArgumentException("kanal.smpp.connections: names must be unique");
        }
        if (sendsSms && connections.isEmpty()) {
            throw new IllegalArgumentException("KANAL_SMS_SENDER=smpp (kanal.smpp.sms-sender) but no SMPP connection is configured");
        }
    }

    public boolean enabled() {
        return !connections.isEmpty();
    }

    public static SmppConfig off() {
        return new SmppConfig(List.of(), DEFAULT_REASSEMBLY_WAIT, DEFAULT_DEDUPE_WINDOW, false);
    }

    /** From {@code kanal.smpp}; a listed connection's password from the variable its {@code password-env} names. */
    public static SmppConfig create(Config smpp) {
        return create(smpp, System.getenv());
    }

    /**
     * From {@code kanal.smpp}, with {@code variables} for the listed connections' passwords (tests pass a map).
     * One link comes from {@code host}, {@code port}, {@code system-id}, {@code password}, {@code system-type},
     * {@code source-addr}, {@code tps} and {@code ussd-code} (their {@code KANAL_SMPP_*} variables override
     * them, like every key in {@code ConfigKeys}); when {@code host} is set it replaces the list.
     */
    public static SmppConfig create(Config smpp, Map<String, String> variables) {
        Duration wait = ConfigValues.positiveDuration(smpp.get("reassembly-wait"), DEFAULT_REASSEMBLY_WAIT);
        Duration dedupe = ConfigValues.positiveDuration(smpp.get("dedupe-window"), DEFAULT_DEDUPE_WINDOW);
        List<SmppConnection> links = new ArrayList<>();
        if (ConfigValues.string(smpp.get("host")).isPresent()) {
            links.add(new SmppConnection("smsc", ConfigValues.string(smpp.get("host")).get(),
                    ConfigValues.integer(smpp.get("port"), 1, 65535, 2775),
                    required(smpp, "system-id"), required(smpp, "password"),
                    ConfigValues.string(smpp.get("system-type")).orElse(""), required(smpp, "source-addr"),
                    Optional.empty(), Optional.empty(),
                    ConfigValues.positiveNumber(smpp.get("tps"), DEFAULT_TPS),
                    DEFAULT_WINDOW, false, ConfigValues.string(smpp.get("ussd-code")), Duration.ofSeconds(30),
                    Duration.ofSeconds(1), Duration.ofMinutes(2)));
        } else {
            List<Config> listed = smpp.get("connections").asNodeList().orElse(List.of());
            for (int i = 0; i < listed.size(); i++) {
                links.add(connection(listed.get(i), "kanal.smpp.connections." + i, variables));
            }
        }
        String sender = ConfigValues.string(smpp.get("sms-sender")).orElse(links.isEmpty() ? "twilio" : "smpp");
        if (!sender.equals("smpp") && !sender.equals("twilio")) {
            throw new IllegalArgumentException("kanal.smpp.sms-sender (KANAL_SMS_SENDER) must be smpp or twilio: " + sender);
        }
        return new SmppConfig(links, wait, dedupe, sender.equals("smpp"));
    }

    private static String required(Config smpp, String key) {
        return ConfigValues.string(smpp.get(key)).orElseThrow(() -> new IllegalArgumentException(
                "kanal.smpp." + key + " (KANAL_SMPP_" + key.toUpperCase(java.util.Locale.ROOT).replace('-', '_')
                        + ") is required when SMPP is configured"));
    }

    private static SmppConnection connection(Config c, String at, Map<String, String> env) {
        String passwordEnv = c.get("password-env").asString()
                .orElseThrow(() -> new IllegalArgumentException(at + ".password-env is required (the variable holding the password)"));
        return new SmppConnection(
                c.get("name").asString().orElse("smsc" + at.substring(at.lastIndexOf('.') + 1)),
                c.get("host").asString().orElseThrow(() -> new IllegalArgumentException(at + ".host is required")),
                c.get("port").asInt().orElse(2775),
                c.get("system-id").asString().orElseThrow(() -> new IllegalArgumentException(at + ".system-id is required")),
                required(env, passwordEnv),
                c.get("system-type").asString().orElse(""),
                c.get("source-addr").asString().orElseThrow(() -> new IllegalArgumentException(at + ".source-addr is required")),
                c.get("source-ton").asInt().asOptional(), c.get("source-npi").asInt().asOptional(),
                c.get("tps").asDouble().orElse(DEFAULT_TPS), c.get("window").asInt().orElse(DEFAULT_WINDOW),
                c.get("packed").asBoolean().orElse(false), c.get("ussd-code").asString().asOptional(),
                c.get("enquire-link").as(Duration.class).orElse(Duration.ofSeconds(30)),
                c.get("reconnect-min").as(Duration.class).orElse(Duration.ofSeconds(1)),
                c.get("reconnect-max").as(Duration.class).orElse(Duration.ofMinutes(2)));
    }

    private static String required(Map<String, String> variables, String name) {
        return Optional.ofNullable(variables.get(name)).map(String::strip).filter(v -> !v.isEmpty())
                .orElseThrow(() -> new IllegalArgumentException(name + " is required when SMPP is configured"));
    }


}
