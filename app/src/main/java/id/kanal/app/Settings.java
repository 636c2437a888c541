package id.kanal.app;

import id.kanal.channels.ConfigValues;
import id.kanal.app.console.ConsoleSettings;
import id.kanal.intents.IntentsConfig;
import id.kanal.services.alerts.AlertSettings;
import io.helidon.common.config.ConfigException;
import io.helidon.config.Config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Kanal's settings: {@code application.yaml} under {@code kanal.*}, each key overridden by its
 * environment variable ({@link ConfigKeys}; the names are part of Kanal's outside contract, see
 * the README). Each part is read from its own subtree by its own {@code create(Config)}.
 */
public record Settings(ServerSettings server, StoreSettings store, Optional<Path> regionFile,
                       Optional<Path> regionsDir, ConversationSettings dialog, ComplaintSettings complaints,
                       ChannelSettings channels, IntentsConfig intents, ConsoleSettings console,
                       AlertSettings alerts, Environment environment) {

    /**
     * Reads settings from the files' config tree ({@link Main#config()}, or a test's) with the
     * environment's overrides on top (tests pass a map); a bad value fails naming its key and
     * the variable that set it.
     */
    public static Settings from(Config files, Map<String, String> env) {
        try {
            return create(ConfigKeys.layered(files, env).get("kanal"), new Environment(env));
        } catch (IllegalArgumentException | ConfigException e) {
            throw new IllegalArgumentException(ConfigKeys.explain(e.getMessage(), env), e);
        }
    }

    /**
     * Reads the {@code kanal} tree, each part from its subtree.
     *
     * @param environment the variables region files may name for their secrets
     */
    static Settings create(Config kanal, Environment environment) {
        ServerSettings server = ServerSettings.create(kanal);
        return new Settings(
                server,
                StoreSettings.create(kanal),
                ConfigValues.parsed(kanal.get("region-file"), "a file path", Path::of),
                ConfigValues.parsed(kanal.get("regions-dir"), "a directory path", Path::of),
                ConversationSettings.create(kanal),
                ComplaintSettings.create(kanal.get("complaints")),
                ChannelSettings.create(kanal, ChannelRegistry.ALL),
                IntentsConfig.create(kanal.get("intents")),
                ConsoleSettings.create(kanal.get("console"), server.baseUrl()),
                alerts(kanal.get("alerts")), environment);
    }

    /** The {@code kanal.alerts} subtree: the price alert threshold and the rates estimates use. */
    static AlertSettings alerts(Config alerts) {
        AlertSettings d = AlertSettings.defaults();
        return new AlertSettings(ConfigValues.positiveNumber(alerts.get("price-threshold-percent"), d.priceThresholdPercent()),
                ConfigValues.integer(alerts.get("sms-segment-cost"), 0, 1_000_000, (int) d.smsSegmentRupiah()),
                ConfigValues.integer(alerts.get("whatsapp-message-cost"), 0, 1_000_000, (int) d.whatsAppMessageRupiah()));
    }
}
