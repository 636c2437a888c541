package id.kanal.channels.twilio;

import id.kanal.channels.ChannelContext;
import id.kanal.channels.RegionResidents;
import id.kanal.channels.ChannelHealth;
import id.kanal.channels.ChannelType;
import id.kanal.channels.KanalChannel;
import id.kanal.channels.outbox.ChannelSender;
import id.kanal.channels.outbox.RateLimit;
import id.kanal.channels.outbox.SenderIdentities;
import id.kanal.dialog.Channel;
import id.kanal.dialog.port.MediaDownloader;
import id.kanal.channels.media.MediaHttp;
import io.helidon.webserver.http.HttpRules;

import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Twilio for SMS and WhatsApp: the message webhooks ({@code /channels/sms},
 * {@code /channels/whatsapp}), the status callback ({@code /channels/twilio/status}) and, when an
 * account and a sender number are configured, outbox delivery (USSD receipts go as SMS).
 *
 * <p>Always active: without an auth token its webhooks answer 503 rather than 404, so a
 * misconfigured number shows up in Twilio's debugger as "not configured".
 */
public final class TwilioChannel implements KanalChannel {
    private static final System.Logger LOG = System.getLogger(TwilioChannel.class.getName());
    /** Longer than Twilio's usual answer, shorter than the outbox lease (60 s). */
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** The registration: settings from {@code kanal.twilio}. */
    public static final ChannelType<TwilioSettings> TYPE =
            ChannelType.of("twilio", kanal -> TwilioSettings.create(kanal.get("twilio")), TwilioChannel::create);

    private final TwilioSettings settings;
    private final TwilioMessagingService messaging;
    private final TwilioStatusService status;
    private final Optional<ChannelSender> sender;
    private final Optional<MediaDownloader> media;

    private TwilioChannel(TwilioSettings settings, ChannelContext context) {
        this.settings = settings;
        TwilioConfig webhooks = new TwilioConfig(settings.authToken(), context.publicUrl());
        this.messaging = new TwilioMessagingService(webhooks, context.handler(), context.residents(), context.clock(),
                context.optionalPort(RegionResidents.class).orElseGet(RegionResidents::oneRegion));
        this.status = new TwilioStatusService(webhooks, context.outboxQueue(), context.residents(), context.clock());
        this.sender = sender(settings, context);
        this.media = settings.accountSid().isPresent() && settings.authToken().isPresent()
                ? Optional.of(new TwilioMediaDownloader(settings.accountSid().get(), settings.authToken().get(),
                settings.apiUrl().orElse(TWILIO_API), new MediaHttp(TIMEOUT)))
                : Optional.empty();
    }

    /** Twilio's REST API, which serves media URLs too, when {@code KANAL_TWILIO_API_URL} is unset. */
    private static final URI TWILIO_API = URI.create("https://api.twilio.com");

    static Optional<KanalChannel> create(TwilioSettings settings, ChannelContext context) {
        return Optional.of(new TwilioChannel(settings, context));
    }

    private static Optional<ChannelSender> sender(TwilioSettings out, ChannelContext context) {
        if (out.accountSid().isEmpty() || out.authToken().isEmpty()
                || (out.smsFrom().isEmpty() && out.whatsAppFrom().isEmpty())) {
            LOG.log(System.Logger.Level.INFO, "Twilio sending off: set KANAL_TWILIO_ACCOUNT_SID, KANAL_TWILIO_AUTH_TOKEN "
                    + "and KANAL_TWILIO_SMS_FROM or KANAL_TWILIO_WHATSAPP_FROM");
            return Optional.empty();
        }
        // Twilio refuses a StatusCallback it cannot reach; a local address gets no callbacks.
        String callback = context.publicUrl() + "/channels/twilio/status";
        String host = Optional.ofNullable(URI.create(callback).getHost()).orElse("localhost");
        Optional<String> statusCallback = host.equals("localhost") || host.startsWith("127.")
                ? Optional.empty() : Optional.of(callback);
        return Optional.of(new TwilioSender(new TwilioSenderConfig(out.accountSid().get(),
                out.authToken().get(), out.apiUrl(), out.smsFrom(), out.whatsAppFrom(),
                out.whatsAppTemplateSid(), statusCallback, TIMEOUT), context.residents(), context.clock(),
                context.optionalPort(SenderIdentities.class).orElseGet(SenderIdentities::none)));
    }

    @Override
    public String name() {
        return TYPE.name();
    }

    @Override
    public void routing(HttpRules rules) {
        messaging.routing(rules);
        status.routing(rules);
    }

    @Override
    public Optional<ChannelSender> sender() {
        return sender;
    }

    /** Media downloads, when the account SID and auth token are set (Twilio requires both on media URLs). */
    @Override
    public Optional<MediaDownloader> mediaDownloader() {
        return media;
    }

    /**
     * The limits of the channels Twilio sends (none when sending is off, so another channel, such
     * as SMPP, may send and limit SMS). USSD rows go out as SMS from the same number, so they
     * share its limit.
     */
    @Override
    public Map<Channel, RateLimit> limits() {
        Map<Channel, RateLimit> limits = new EnumMap<>(Channel.class);
        sender.ifPresent(s -> s.channels().forEach(c -> limits.put(c, RateLimit.perSecond(
                c == Channel.WHATSAPP ? settings.whatsAppRatePerSecond() : settings.smsRatePerSecond()))));
        return limits;
    }

    @Override
    public ChannelHealth health() {
        Map<String, String> details = new TreeMap<>();
        details.put("webhooks", settings.authToken().isPresent() ? "on" : "off (no auth token: 503)");
        details.put("sending", sender.map(s -> s.channels().toString()).orElse("off"));
        return ChannelHealth.up(details);
    }
}
