package id.kanal.channels.outbox;

/**
 * How fast one channel may send.
 *
 * @param perSecond             messages per second over the whole channel (0: unlimited); a
 *                              burst of up to this many may go at once
 * @param perRecipientPerSecond messages per second to one recipient (0: unlimited), e.g.
 *                              Telegram's "about one message per second" per chat
 *                              (https://core.telegram.org/bots/faq#my-bot-is-hitting-limits-how-do-i-avoid-this)
 * @param perRegion             the channel-wide limit holds for each region apart: each region
 *                              sends from its own account (Telegram's limits are per bot, and
 *                              a region's residents hear from its own bot)
 */
public record RateLimit(double perSecond, double perRecipientPerSecond, boolean perRegion) {
    /** Telegram's documented limits, per bot: 30 messages/s overall, 1/s per chat. */
    public static final RateLimit TELEGRAM = new RateLimit(30, 1, true);
    public static final RateLimit UNLIMITED = new RateLimit(0, 0);

    public RateLimit {
        if (!(perSecond >= 0) || !(perRecipientPerSecond >= 0)) {
            throw new IllegalArgumentException("rates must be >= 0: perSecond=" + perSecond
                    + " perRecipientPerSecond=" + perRecipientPerSecond);
        }
    }

    /** One limit over the whole deployment, whichever region sends. */
    public RateLimit(double perSecond, double perRecipientPerSecond) {
        this(perSecond, perRecipientPerSecond, false);
    }

    /** A channel-wide limit only (Twilio queues per sender number; its default is 1 SMS/s for a long code). */
    public static RateLimit perSecond(double perSecond) {
        return new RateLimit(perSecond, 0);
    }
}
