package id.kanal.app;

import id.kanal.channels.telegram.TelegramConfig;
import id.kanal.channels.ussd.UssdConfig;
import io.helidon.common.config.Config;

/**
 * The channels' settings, each read by its channel from its own subtree ({@code kanal.telegram},
 * {@code kanal.ussd}). A new channel adds its config here and its keys to {@link ConfigKeys}.
 */
public record ChannelSettings(TelegramConfig telegram, UssdConfig ussd) {
    static ChannelSettings create(Config kanal, ServerSettings server) {
        return new ChannelSettings(TelegramConfig.create(kanal.get("telegram"), server.publicUrl().isPresent()),
                UssdConfig.create(kanal.get("ussd")));
    }
}
