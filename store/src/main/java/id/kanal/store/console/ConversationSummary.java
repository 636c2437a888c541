package id.kanal.store.console;

import id.kanal.dialog.Address;

/**
 * A conversation as the console's queue shows it (a JSON wire value: nullable fields are absent values).
 *
 * @param key       {@code channel/address}, the conversation's name in the console's change events
 * @param since     when it was queued (epoch ms), or null
 * @param lastText  the resident's last message, or null
 */
public record ConversationSummary(String channel, String address, String key, String mode, String agent, Long since,
                                  String reason, String language, long lastActivity, String lastText) {
    /** The conversation's {@code key}. */
    public static String key(Address a) {
        return a.channel().id() + "/" + a.value();
    }
}
