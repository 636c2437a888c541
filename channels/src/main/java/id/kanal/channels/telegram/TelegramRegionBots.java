package id.kanal.channels.telegram;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The bots of a deployment's regions, beside the one of {@code kanal.telegram} (app reads them from
 * the region files and provides them as a port of the channel context). Each has its own webhook
 * path, its updates go to its region, and its region's residents are answered by it alone.
 *
 * @param bots one per region that has its own bot
 */
public record TelegramRegionBots(List<Bot> bots) {
    /** A webhook path under {@code /channels}: letters, digits, {@code - _ /}, starting with {@code /}. */
    private static final Pattern PATH = Pattern.compile("(/[A-Za-z0-9_\\-]+)+");

    public TelegramRegionBots {
        bots = List.copyOf(bots);
    }

    public static TelegramRegionBots none() {
        return new TelegramRegionBots(List.of());
    }

    /**
     * One region's bot.
     *
     * @param region        the region's code; empty for the default region (its file names its bot
     *                      instead of {@code KANAL_TELEGRAM_BOT_TOKEN})
     * @param token         the bot token (never logged: {@link #toString} leaves it out)
     * @param webhookSecret the {@code secret_token} its webhook was registered with; empty: the
     *                      deployment's {@code KANAL_TELEGRAM_WEBHOOK_SECRET}
     * @param webhookPath   where Telegram posts its updates, under {@code /channels}
     */
    public record Bot(Optional<String> region, String token, Optional<String> webhookSecret, String webhookPath) {
        public Bot {
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(webhookSecret, "webhookSecret");
            Objects.requireNonNull(webhookPath, "webhookPath");
            if (token.isBlank()) {
                throw new IllegalArgumentException("the Telegram bot token of region " + region.orElse("(default)")
                        + " is blank");
            }
            if (!PATH.matcher(webhookPath).matches()) {
                throw new IllegalArgumentException("webhook-path must be a path such as /telegram/my-region "
                        + "(letters, digits, - _ /): " + webhookPath);
            }
        }

        /** The bot's public identity, {@code bot<id>}: what its updates arrive on (see {@link #identityOf}). */
        public String identity() {
            return identityOf(token);
        }

        @Override
        public String toString() {
            return "Bot[region=" + region.orElse("(default)") + ", identity=" + identity() + ", webhookPath="
                    + webhookPath + ", webhookSecret=" + (webhookSecret.isPresent() ? "***" : "the deployment's") + "]";
        }
    }

    /**
     * The identity the updates of the bot with this token arrive on ({@code InboundMessage.to}):
     * {@code bot<id>}, the public digits before the token's colon; a region claims it to get its bot's updates.
     */
    public static String identityOf(String token) {
        return BotScope.identityOf(token);
    }
}
