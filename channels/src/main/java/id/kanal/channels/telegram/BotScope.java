package id.kanal.channels.telegram;

import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which of a deployment's bots an update came to: the default region's, or another region's own.
 * Telegram numbers updates and names files per bot, so two bots can send the same
 * {@code update_id} and their {@code file_id}s only work with their own token: a region bot's
 * update ids and file references carry its {@link #identity} ({@code bot<id>:...}); the default
 * bot's stay bare, as they always were (a retried update after an upgrade is still recognised).
 *
 * @param identity the bot's public id as {@code bot<id>} (the digits before the token's colon,
 *                 which Telegram shows in every link to the bot; never the secret part): the
 *                 identity the update arrived on, which picks the region
 * @param region   the non-default region the bot serves; empty for the default region's bot
 */
record BotScope(String identity, Optional<String> region) {
    private static final Pattern BOT_ID = Pattern.compile("(\\d{1,20}):.+");

    BotScope {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(region, "region");
    }

    /** A bot known by nothing but being the default region's (tests that make a bot alone). */
    static final BotScope UNNAMED = new BotScope("", Optional.empty());

    /** The default region's bot. */
    static BotScope defaultBot(String token) {
        return new BotScope(identityOf(token), Optional.empty());
    }

    /** A region's own bot. */
    static BotScope regionBot(String token, String region) {
        return new BotScope(identityOf(token), Optional.of(region));
    }

    /**
     * {@code bot<id>} from a token {@code <id>:<secret>}; a token of another form (a test's) is
     * named by a hash, so nothing of it shows where the identity is logged.
     */
    static String identityOf(String token) {
        var m = BOT_ID.matcher(token);
        if (m.matches()) {
            return "bot" + m.group(1);
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return "bot-" + HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The update's id as the dialog deduplicates it: unique across the deployment's bots. */
    String updateId(Integer updateId) {
        return scoped(String.valueOf(updateId));
    }

    /** A photo's reference as Kanal keeps it: its downloader knows which token to ask with. */
    String fileRef(String fileId) {
        return scoped(fileId);
    }

    /** The file id of a reference this bot made; empty when the reference is another bot's. */
    Optional<String> fileIdOf(String ref) {
        if (region.isEmpty()) {
            // The default bot's references are bare file ids: Telegram's file ids hold no ':'.
            return ref.contains(":") ? Optional.empty() : Optional.of(ref);
        }
        String prefix = identity + ":";
        return ref.startsWith(prefix) ? Optional.of(ref.substring(prefix.length())) : Optional.empty();
    }

    /** The resident as the outbox knows them: a region bot's chat is that region's resident. */
    Address resident(String chatId) {
        Address chat = new Address(Channel.TELEGRAM, chatId);
        return region.map(chat::inRegion).orElse(chat);
    }

    /**
     * The resident's phone number as the bot's region knows them ({@code +62...@region} for a
     * region's bot): a contact shared with a region's bot links that region's resident only.
     */
    Address number(String e164) {
        Address number = new Address(Channel.SMS, e164);
        return region.map(number::inRegion).orElse(number);
    }

    private String scoped(String id) {
        return region.isEmpty() ? id : identity + ":" + id;
    }
}
