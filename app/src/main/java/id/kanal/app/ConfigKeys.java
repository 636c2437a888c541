package id.kanal.app;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.config.spi.ConfigSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every setting Kanal reads: its {@code application.yaml} key and, where it has one, the
 * environment variable that overrides it. This table is the only place a {@code KANAL_*} name
 * is mapped to a key: components read nothing but their {@link Config} subtree.
 *
 * <p>Secrets are set only through the environment: a secret's key in {@code application.yaml}
 * fails the start ({@link #rejectSecretsIn}). Adding a setting is one row here (for SMPP, say,
 * {@code env("kanal.smpp.host", ...)} with the {@code KANAL_SMPP_...} name, {@code secret(...)} for
 * its password) plus its reader (the channel reads {@code host} from its {@code kanal.smpp}
 * subtree), a line in {@code application.yaml}, a row in the README's table and a probe in
 * {@code ConfigurationTest} (a value and where the settings show it), which checks all of them.
 */
public final class ConfigKeys {
    /**
     * One setting.
     *
     * @param key      its full key in {@code application.yaml}
     * @param variable the environment variable that overrides it, if any
     * @param secret   set only through the environment, never in a file
     */
    public record Key(String key, Optional<String> variable, boolean secret) {
    }

    /** Kanal's settings, in the README table's order. */
    public static final List<Key> ALL = List.of(
            env("kanal.port", "KANAL_PORT"),
            env("kanal.data-dir", "KANAL_DATA_DIR"),
            env("kanal.db-url", "KANAL_DB_URL"),
            env("kanal.db-pool.size", "KANAL_DB_POOL_SIZE"),
            yaml("kanal.db-pool.connection-timeout"),
            yaml("kanal.db-pool.validation-timeout"),
            yaml("kanal.db-pool.keepalive-time"),
            yaml("kanal.db-pool.max-lifetime"),
            env("kanal.public-url", "KANAL_PUBLIC_URL"),
            yaml("kanal.shutdown-grace-period"),
            env("kanal.server.trusted-proxies", "KANAL_TRUSTED_PROXIES"),
            secret("kanal.server.metrics-token", "KANAL_METRICS_TOKEN"),
            env("kanal.live.max-streams", "KANAL_LIVE_MAX_STREAMS"),
            yaml("kanal.live.heartbeat"),
            env("kanal.region-file", "KANAL_REGION_FILE"),
            env("kanal.regions-dir", "KANAL_REGIONS_DIR"),
            yaml("kanal.dialog.idle-timeout"),
            yaml("kanal.dialog.zone"),
            env("kanal.dialog.conversation-cache-size", "KANAL_CONVERSATION_CACHE_SIZE"),
            env("kanal.handoff.hours", "KANAL_AGENT_HOURS"),
            yaml("kanal.prices.stale-after-days"),
            secret("kanal.twilio.account-sid", "KANAL_TWILIO_ACCOUNT_SID"),
            secret("kanal.twilio.auth-token", "KANAL_TWILIO_AUTH_TOKEN"),
            env("kanal.twilio.api-url", "KANAL_TWILIO_API_URL"),
            env("kanal.twilio.sms-from", "KANAL_TWILIO_SMS_FROM"),
            env("kanal.twilio.whatsapp-from", "KANAL_TWILIO_WHATSAPP_FROM"),
            env("kanal.twilio.whatsapp-template-sid", "KANAL_WHATSAPP_TEMPLATE_SID"),
            env("kanal.twilio.sms-rate-per-second", "KANAL_SMS_RATE_PER_SECOND"),
            env("kanal.twilio.whatsapp-rate-per-second", "KANAL_WHATSAPP_RATE_PER_SECOND"),
            env("kanal.intents.lexicon-path", "KANAL_LEXICON_PATH"),
            env("kanal.intents.model-path", "KANAL_INTENT_MODEL_PATH"),
            env("kanal.intents.threshold", "KANAL_INTENT_THRESHOLD"),
            secret("kanal.complaints.admin-token", "KANAL_ADMIN_TOKEN"),
            secret("kanal.complaints.open311.api-keys", "KANAL_OPEN311_API_KEY"),
            env("kanal.complaints.whatsapp-status-template-sid", "KANAL_WHATSAPP_STATUS_TEMPLATE_SID"),
            env("kanal.complaints.whatsapp-feedback-template-sid", "KANAL_WHATSAPP_FEEDBACK_TEMPLATE_SID"),
            env("kanal.alerts.price-threshold-percent", "KANAL_ALERT_PRICE_THRESHOLD_PERCENT"),
            env("kanal.alerts.sms-segment-cost", "KANAL_ALERT_SMS_SEGMENT_COST"),
            env("kanal.alerts.whatsapp-message-cost", "KANAL_ALERT_WHATSAPP_MESSAGE_COST"),
            env("kanal.complaints.open311.endpoint", "KANAL_OPEN311_ENDPOINT"),
            secret("kanal.complaints.open311.client-api-key", "KANAL_OPEN311_CLIENT_API_KEY"),
            env("kanal.complaints.open311.jurisdiction", "KANAL_OPEN311_JURISDICTION"),
            env("kanal.complaints.open311.poll-interval", "KANAL_OPEN311_POLL_INTERVAL"),
            env("kanal.complaints.open311.public-reads", "KANAL_OPEN311_PUBLIC_READS"),
            env("kanal.complaints.photo-max-bytes", "KANAL_PHOTO_MAX_BYTES"),
            env("kanal.complaints.photo-retention-days", "KANAL_PHOTO_RETENTION_DAYS"),
            secret("kanal.complaints.api-tokens", "KANAL_API_TOKENS"),
            env("kanal.smpp.host", "KANAL_SMPP_HOST"),
            env("kanal.smpp.port", "KANAL_SMPP_PORT"),
            env("kanal.smpp.system-id", "KANAL_SMPP_SYSTEM_ID"),
            secret("kanal.smpp.password", "KANAL_SMPP_PASSWORD"),
            env("kanal.smpp.system-type", "KANAL_SMPP_SYSTEM_TYPE"),
            env("kanal.smpp.source-addr", "KANAL_SMPP_SOURCE_ADDR"),
            env("kanal.smpp.tps", "KANAL_SMPP_TPS"),
            env("kanal.smpp.ussd-code", "KANAL_SMPP_USSD_CODE"),
            env("kanal.smpp.sms-sender", "KANAL_SMS_SENDER"),
            yaml("kanal.smpp.reassembly-wait"),
            yaml("kanal.smpp.dedupe-window"),
            secret("kanal.telegram.bot-token", "KANAL_TELEGRAM_BOT_TOKEN"),
            secret("kanal.telegram.webhook-secret", "KANAL_TELEGRAM_WEBHOOK_SECRET"),
            env("kanal.telegram.mode", "KANAL_TELEGRAM_MODE"),
            env("kanal.telegram.api-url", "KANAL_TELEGRAM_API_URL"),
            env("kanal.ussd.allowed-ips", "KANAL_USSD_ALLOWED_IPS"),
            secret("kanal.ussd.secret", "KANAL_USSD_SECRET"),
            secret("kanal.console.admin-password", "KANAL_ADMIN_PASSWORD"),
            env("kanal.console.demo", "KANAL_DEMO"),
            env("kanal.console.password-memory-kb", "KANAL_CONSOLE_PASSWORD_MEMORY_KB"),
            yaml("kanal.console.session-ttl"),
            env("kanal.console.auto-assign-cap", "KANAL_CONSOLE_AUTO_ASSIGN_CAP"));

    private ConfigKeys() {
    }

    private static Key env(String key, String variable) {
        return new Key(key, Optional.of(variable), false);
    }

    private static Key secret(String key, String variable) {
        return new Key(key, Optional.of(variable), true);
    }

    private static Key yaml(String key) {
        return new Key(key, Optional.empty(), false);
    }

    /**
     * The settings the environment overrides: each documented variable that is set and not
     * blank under its key, as written (readers trim; a password is taken as it is). Variables
     * not in the table are ignored.
     */
    static Map<String, String> overrides(Map<String, String> env) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Key k : ALL) {
            k.variable().map(env::get).filter(v -> !v.isBlank())
                    .ifPresent(v -> values.put(k.key(), v));
        }
        return values;
    }

    /** The environment as a config source, to layer over the files. */
    static ConfigSource environment(Map<String, String> env) {
        return ConfigSources.create(overrides(env)).build();
    }

    /** Fails when a file sets a secret: tokens and passwords are never written into configuration files. */
    static void rejectSecretsIn(Config files) {
        for (Key k : ALL) {
            if (k.secret() && files.get(k.key()).exists()) {
                throw new IllegalArgumentException(k.key() + " is a secret: set it with " + k.variable().orElseThrow()
                        + ", never in application.yaml");
            }
        }
    }

    /**
     * The files' settings with the environment's overrides on top: one tree components read from.
     * {@code files} is what {@link Main#config()} reads (tests add keys of their own).
     */
    static Config layered(Config files, Map<String, String> env) {
        rejectSecretsIn(files);
        // A key without a value (an empty section such as "ussd:" in YAML) is unset, as a blank variable is.
        Map<String, String> fileValues = new LinkedHashMap<>(files.asMap().orElseGet(Map::of));
        fileValues.values().removeIf(String::isBlank);
        return Config.builder()
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                // A password or token may contain "${": nothing in Kanal's settings refers to another key.
                .disableValueResolving()
                .sources(environment(env), ConfigSources.create(fileValues).build())
                .build();
    }

    /**
     * A start-up error's message with the variables that set the keys it names, so the operator
     * knows where the bad value came from.
     */
    static String explain(String message, Map<String, String> env) {
        Map<String, String> set = overrides(env);
        String sources = ALL.stream()
                .filter(k -> k.variable().isPresent() && set.containsKey(k.key()) && message.contains(k.key()))
                .map(k -> k.variable().get() + " sets " + k.key())
                .collect(Collectors.joining(", "));
        return sources.isEmpty() ? message : message + " (" + sources + ")";
    }
}
