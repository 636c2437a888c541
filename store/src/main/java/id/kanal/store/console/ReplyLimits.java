package id.kanal.store.console;

/**
 * What a channel allows an agent's reply now (a JSON wire value).
 *
 * @param replyChannel           where the reply goes (a USSD conversation is answered by SMS)
 * @param whatsappWindowOpen     for WhatsApp, whether the 24-hour window is open; null elsewhere
 * @param whatsappWindowClosesAt for WhatsApp, when it closes (epoch ms); null elsewhere or without an inbound message
 */
public record ReplyLimits(String replyChannel, boolean optedOut, Boolean whatsappWindowOpen, Long whatsappWindowClosesAt) {
}
