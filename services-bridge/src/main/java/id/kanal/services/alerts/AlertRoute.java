package id.kanal.services.alerts;

import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import id.kanal.dialog.Gsm7;
import id.kanal.dialog.port.OutboundMessage;
import id.kanal.store.Residents;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How one alert reaches one subscriber, and what it costs: SMS (USSD subscribers too) as GSM-7,
 * WhatsApp inside the 24-hour window (outside it WhatsApp refuses free text, Twilio error 63016:
 * an SMS to the same number instead), Telegram as it is. Estimates and sends both use this, so
 * an estimate is what a send does.
 */
final class AlertRoute {
    private static final Duration WHATSAPP_WINDOW = Duration.ofHours(24);

    private AlertRoute() {
    }

    /** One message planned: what goes out, its SMS segments (0 off SMS) and its cost in rupiah. */
    record Planned(OutboundMessage message, int smsSegments, long rupiah) {
    }

    static Planned plan(Connection c, String channel, String address, String body, String kind, AlertSettings costs,
                        Instant now) throws SQLException {
        Channel ch = Channel.of(channel);
        if (ch == Channel.WHATSAPP) {
            Optional<Instant> last = Residents.whatsAppLastInbound(c, address);
            if (last.isPresent() && !now.isAfter(last.get().plus(WHATSAPP_WINDOW))) {
                return new Planned(message(new Address(Channel.WHATSAPP, address), body, kind), 0, costs.whatsAppMessageRupiah());
            }
            ch = Channel.SMS;
        }
        if (ch == Channel.TELEGRAM) {
            return new Planned(message(new Address(Channel.TELEGRAM, address), body, kind), 0, 0);
        }
        String sms = Gsm7.sanitize(body);
        int segments = Gsm7.segments(sms);
        return new Planned(message(new Address(Channel.SMS, address), sms, kind), segments,
                segments * costs.smsSegmentRupiah());
    }

    private static OutboundMessage message(Address to, String body, String kind) {
        return new OutboundMessage(to, body, kind, OutboundMessage.BULK, Optional.empty());
    }
}
