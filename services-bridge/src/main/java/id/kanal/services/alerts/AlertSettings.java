package id.kanal.services.alerts;

/**
 * How alerts are decided and costed.
 *
 * @param priceThresholdPercent a region-wide price that moves further than this from its last mark alerts its subscribers
 * @param smsSegmentRupiah      what one SMS segment costs (the operator's or aggregator's rate), for estimates
 * @param whatsAppMessageRupiah what one WhatsApp message costs, for estimates (Telegram is free)
 */
public record AlertSettings(double priceThresholdPercent, long smsSegmentRupiah, long whatsAppMessageRupiah) {
    public AlertSettings {
        if (!(priceThresholdPercent > 0)) {
            throw new IllegalArgumentException("priceThresholdPercent must be > 0: " + priceThresholdPercent);
        }
        if (smsSegmentRupiah < 0 || whatsAppMessageRupiah < 0) {
            throw new IllegalArgumentException("costs must be >= 0");
        }
    }

    /** 10 %, Rp 350 an SMS segment, Rp 0 a WhatsApp message: set your contract's rates. */
    public static AlertSettings defaults() {
        return new AlertSettings(10, 350, 0);
    }
}
