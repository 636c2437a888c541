package id.kanal.app;

import id.kanal.channels.outbox.ChannelSender;
import id.kanal.channels.outbox.OutboxPolicy;
import id.kanal.channels.outbox.OutboxSender;
import id.kanal.channels.outbox.RateLimit;
import id.kanal.channels.twilio.TwilioSenderConfig;
import id.kanal.channels.twilio.TwilioSender;
import id.kanal.dialog.Channel;
import id.kanal.dialog.port.OutboxQueue;
import id.kanal.dialog.port.ResidentRegistry;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds the outbox sender from the settings: one {@link ChannelSender} per configured provider. */
final class Outboxes {
    private static final System.Logger LOG = System.getLogger(Outboxes.class.getName());
    /** Longer than Twilio's usual answer, shorter than the outbox lease (60 s). */
    private static final Duration TWILIO_TIMEOUT = Duration.ofSeconds(10);

    private Outboxes() {
    }

    static OutboxSender sender(Settings settings, OutboxQueue queue, ResidentRegistry residents,
                               Optional<ChannelSender> smpp, Clock clock) {
        List<ChannelSender> senders = new ArrayList<>();
        smpp.ifPresent(senders::add);
        twilio(settings, residents, smpp.isPresent(), clock).ifPresent(senders::add);
        if (settings.channels().telegram().botToken().isPresent()) {
            senders.add(id.kanal.channels.telegram.TelegramSender.create(settings.channels().telegram()));
        }
        OutboundSettings out = settings.outbound();
        // SMPP keeps each link's contracted rate itself.
        RateLimit sms = smpp.isPresent() ? RateLimit.UNLIMITED : RateLimit.perSecond(out.smsRatePerSecond());
        OutboxPolicy policy = OutboxPolicy.defaults(Map.of(
                Channel.SMS, sms,
                Channel.USSD, sms,
                Channel.WHATSAPP, RateLimit.perSecond(out.whatsAppRatePerSecond())));
        return new OutboxSender(queue, residents, senders, policy, clock);
    }

    private static Optional<ChannelSender> twilio(Settings settings, ResidentRegistry residents, boolean smppSendsSms,
                                                  Clock clock) {
        OutboundSettings out = settings.outbound();
        Optional<String> smsFrom = smppSendsSms ? Optional.empty() : out.smsFrom();
        if (settings.twilioAccountSid().isEmpty() || settings.twilioAuthToken().isEmpty()
                || (smsFrom.isEmpty() && out.whatsAppFrom().isEmpty())) {
            LOG.log(System.Logger.Level.INFO, "Twilio sending off: set KANAL_TWILIO_ACCOUNT_SID, KANAL_TWILIO_AUTH_TOKEN "
                    + "and KANAL_TWILIO_SMS_FROM or KANAL_TWILIO_WHATSAPP_FROM");
            return Optional.empty();
        }
        // Twilio refuses a StatusCallback it cannot reach; a local address gets no callbacks.
        String callback = settings.publicUrl().replaceAll("/+$", "") + "/channels/twilio/status";
        String host = Optional.ofNullable(URI.create(callback).getHost()).orElse("localhost");
        Optional<String> statusCallback = host.equals("localhost") || host.startsWith("127.")
                ? Optional.empty() : Optional.of(callback);
        return Optional.of(new TwilioSender(new TwilioSenderConfig(settings.twilioAccountSid().get(),
                settings.twilioAuthToken().get(), out.apiUrl(), smsFrom, out.whatsAppFrom(),
                out.whatsAppTemplateSid(), statusCallback, TWILIO_TIMEOUT), residents, clock));
    }
}
