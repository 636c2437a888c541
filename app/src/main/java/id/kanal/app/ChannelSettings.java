package id.kanal.app;

import id.kanal.channels.smpp.SmppConfig;
import id.kanal.channels.telegram.TelegramConfig;
import id.kanal.channels.ussd.UssdConfig;
import io.helidon.config.Config;

import java.util.Map;
import java.util.Optional;

/**
 * Telegram and USSD settings ({@code kanal.telegram.*}, {@code kanal.ussd.*} in
 * {@code application.yaml}, each overridden by its {@code KANAL_TELEGRAM_*} / {@code KANAL_USSD_*}
 * variable). Secrets come only from the environment.
 */
public record ChannelSettings(TelegramConfig telegram, UssdConfig ussd, SmppConfig smpp) {
    static ChannelSettings from(Config kanal, Map<String, String> env) {
        boolean publicUrl = env("KANAL_PUBLIC_URL", env).isPresent() || kanal.get("public-url").exists();
        Config t = kanal.get("telegram");
        Config u = kanal.get("ussd");
        return new ChannelSettings(
                TelegramConfig.of(env("KANAL_TELEGRAM_BOT_TOKEN", env), env("KANAL_TELEGRAM_WEBHOOK_SECRET", env),
                        env("KANAL_TELEGRAM_API_URL", env).or(() -> t.get("api-url").asString().asOptional()),
                        env("KANAL_TELEGRAM_MODE", env).or(() -> t.get("mode").asString().asOptional()), publicUrl),
                ussd(env("KANAL_USSD_ALLOWED_IPS", env).or(() -> u.get("allowed-ips").asString().asOptional()),
                        env("KANAL_USSD_SECRET", env)),
                SmppConfig.create(kanal.get("smpp"), env));
    }

    private static UssdConfig ussd(Optional<String> allowedIps, Optional<String> secret) {
        try {
            return UssdConfig.of(allowedIps, secret);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("KANAL_USSD_ALLOWED_IPS: " + e.getMessage(), e);
        }
    }

    private static Optional<String> env(String name, Map<String, String> env) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }
}
