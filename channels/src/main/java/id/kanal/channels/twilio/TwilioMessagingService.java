package id.kanal.channels.twilio;

import id.kanal.channels.RegionResidents;
import id.kanal.channels.web.AdapterTexts;
import id.kanal.channels.web.FormBody;
import id.kanal.channels.web.BoundedBody;
import id.kanal.channels.web.ClientErrorException;
import id.kanal.dialog.Channel;
import id.kanal.dialog.InboundHandler;
import id.kanal.dialog.InboundMessage;
import id.kanal.dialog.Masking;
import id.kanal.dialog.Reply;
import id.kanal.dialog.Texts;
import id.kanal.dialog.port.ResidentRegistry;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;

/**
 * Twilio Messaging webhooks: {@code POST <mount>/sms} and {@code POST <mount>/whatsapp}.
 * Verifies the signature, reads the form, hands the message to the dialog and answers TwiML.
 *
 * <p>Outcomes, as in courier: 403 for a missing or wrong signature, 400 for a request Kanal
 * cannot read, 413 for a body longer than the channel allows (1600 characters for SMS, 4096 for
 * WhatsApp: more never comes from Twilio, so it is not stored), 503 while no auth token is configured (unsigned requests are never accepted).
 * When Kanal itself fails, the resident still gets a polite TwiML answer in their language: Twilio does not
 * retry a failed webhook, so a 500 would only mean silence.
 *
 * <p>WhatsApp messages also open the resident's 24-hour window and keep their profile name
 * ({@link ResidentRegistry#whatsAppInbound}), before the dialog runs: the window opens when the
 * resident writes to Twilio, whatever Kanal then makes of the message.
 */
public final class TwilioMessagingService implements HttpService {
    private static final System.Logger LOG = System.getLogger(TwilioMessagingService.class.getName());
    private static final String TEXT_XML = "text/xml; charset=UTF-8";
    /** Twilio's limit for one (concatenated) SMS: https://www.twilio.com/docs/glossary/what-sms-character-limit */
    static final int MAX_SMS_CHARACTERS = 1600;
    /** WhatsApp's limit for a text message body: https://developers.facebook.com/docs/whatsapp/cloud-api/reference/messages */
    static final int MAX_WHATSAPP_CHARACTERS = 4096;

    private final TwilioWebhook webhook;
    private final InboundHandler handler;
    private final ResidentRegistry residents;
    private final Clock clock;
    private final AdapterTexts texts;
    private final RegionResidents regions;

    public TwilioMessagingService(TwilioConfig config, InboundHandler handler, ResidentRegistry residents, Clock clock) {
        this(config, handler, residents, clock, RegionResidents.oneRegion());
    }

    /** @param regions who wrote, as the region of the WhatsApp sender they wrote to knows them (its window is theirs) */
    public TwilioMessagingService(TwilioConfig config, InboundHandler handler, ResidentRegistry residents, Clock clock,
                                  RegionResidents regions) {
        this.regions = regions;
        this.webhook = new TwilioWebhook(config);
        this.handler = handler;
        this.residents = residents;
        this.clock = clock;
        this.texts = new AdapterTexts(Texts.builtIn(), residents::language);
        if (!webhook.configured()) {
            LOG.log(System.Logger.Level.WARNING,
                    "KANAL_TWILIO_AUTH_TOKEN is not set: Twilio webhooks will answer 503 until it is");
        }
    }

    /** A service that keeps nothing about WhatsApp residents (the 24-hour window is not tracked). */
    public TwilioMessagingService(TwilioConfig config, InboundHandler handler, Clock clock) {
        this(config, handler, ResidentRegistry.none(), clock);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/sms", (req, res) -> handle(req, res, Channel.SMS))
                .post("/whatsapp", (req, res) -> handle(req, res, Channel.WHATSAPP));
    }

    private void handle(ServerRequest req, ServerResponse res, Channel channel) {
        Optional<FormBody> form = webhook.verify(req, res, channel.id());
        if (form.isEmpty()) {
            return;
        }
        TwilioMessage parsed;
        InboundMessage message;
        try {
            parsed = TwilioMessage.parse(form.get());
            BoundedBody.checkLength("Body", parsed.body(),
                    channel == Channel.WHATSAPP ? MAX_WHATSAPP_CHARACTERS : MAX_SMS_CHARACTERS);
            message = parsed.toInbound(channel, clock.instant());
        } catch (ClientErrorException e) {
            TwilioWebhook.reject(res, channel.id(), e);
            return;
        }
        String twiml;
        try {
            if (channel == Channel.WHATSAPP) {
                // Per region: a Kota conversation opens the Kota sender's window, never the Kabupaten's.
                residents.whatsAppInbound(regions.of(message.from(), message.to()), parsed.profileName(),
                        message.receivedAt());
            }
            LOG.log(System.Logger.Level.DEBUG, () -> "received channel=" + channel.id() + " from="
                    + Masking.mask(message.from().value()) + " id=" + message.providerMessageId()
                    + " media=" + message.media().size() + " location=" + message.location().isPresent()
                    + " text=" + message.text());
            Reply reply = handler.handle(message);
            // A silent turn (an agent owns the conversation) answers an empty Response: no SMS.
            twiml = reply.isSilent() ? TwiMl.empty() : TwiMl.message(reply.text());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "failed channel=" + channel.id() + " from="
                    + Masking.mask(message.from().value()) + " id=" + message.providerMessageId(), e);
            // In the resident's language when it is known (and readable: the database may be what failed).
            twiml = TwiMl.message(texts.apology(message.from()));
        }
        res.header(HeaderNames.CONTENT_TYPE, TEXT_XML);
        // As bytes: a String goes through the media writers' look-up and a stream on every answer.
        res.send(twiml.getBytes(StandardCharsets.UTF_8));
    }
}
