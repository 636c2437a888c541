package id.kanal.channels.twilio;

import id.kanal.channels.web.FormBody;
import id.kanal.channels.web.MalformedRequestException;
import id.kanal.dialog.Channel;
import id.kanal.dialog.InboundHandler;
import id.kanal.dialog.InboundMessage;
import id.kanal.dialog.Language;
import id.kanal.dialog.Masking;
import id.kanal.dialog.Reply;
import id.kanal.dialog.Texts;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.time.Clock;
import java.util.Optional;

/**
 * Twilio Messaging webhooks: {@code POST <mount>/sms}. Verifies the signature, reads the form,
 * hands the message to the dialog and answers TwiML.
 *
 * <p>Outcomes, as in courier: 403 for a missing or wrong signature, 400 for a request Kanal
 * cannot read, 503 while no auth token is configured (unsigned requests are never accepted).
 * When Kanal itself fails, the resident still gets a polite TwiML answer: Twilio does not
 * retry a failed webhook, so a 500 would only mean silence.
 */
public final class TwilioMessagingService implements HttpService {
    private static final System.Logger LOG = System.getLogger(TwilioMessagingService.class.getName());
    private static final HeaderName SIGNATURE = HeaderNames.create("X-Twilio-Signature");
    private static final String TEXT_XML = "text/xml; charset=UTF-8";

    private final TwilioConfig config;
    private final Optional<TwilioSignature> signature;
    private final InboundHandler handler;
    private final Clock clock;
    private final String apology;

    public TwilioMessagingService(TwilioConfig config, InboundHandler handler, Clock clock) {
        this.config = config;
        this.signature = config.authToken().map(TwilioSignature::new);
        this.handler = handler;
        this.clock = clock;
        this.apology = Texts.builtIn().get(Language.ID, "unavailable");
        if (signature.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING,
                    "KANAL_TWILIO_AUTH_TOKEN is not set: Twilio webhooks will answer 503 until it is");
        }
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/sms", (req, res) -> handle(req, res, Channel.SMS));
    }

    private void handle(ServerRequest req, ServerResponse res, Channel channel) {
        if (signature.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "rejected channel={0}: no Twilio auth token configured", channel.id());
            res.status(Status.SERVICE_UNAVAILABLE_503).send("Twilio is not configured: set KANAL_TWILIO_AUTH_TOKEN");
            return;
        }
        String body = req.content().as(String.class);
        FormBody form;
        try {
            form = FormBody.parse(body);
        } catch (MalformedRequestException e) {
            LOG.log(System.Logger.Level.WARNING, "rejected channel={0}: {1}", channel.id(), e.getMessage());
            res.status(Status.BAD_REQUEST_400).send(e.getMessage());
            return;
        }
        // The path as the client sent it (req.path() is relative to this service's mount point).
        String url = config.publicUrl() + req.prologue().uriPath().rawPath()
                + (req.query().rawValue().isEmpty() ? "" : "?" + req.query().rawValue());
        Optional<String> sig = req.headers().first(SIGNATURE);
        if (sig.isEmpty() || !signature.get().valid(url, form.fields(), sig.get())) {
            LOG.log(System.Logger.Level.WARNING, "rejected channel={0}: {1} signature for {2}", channel.id(),
                    sig.isEmpty() ? "missing" : "invalid", url);
            res.status(Status.FORBIDDEN_403).send("invalid signature");
            return;
        }
        InboundMessage message;
        try {
            message = TwilioMessage.parse(form).toInbound(channel, clock.instant());
        } catch (MalformedRequestException e) {
            LOG.log(System.Logger.Level.WARNING, "rejected channel={0}: {1}", channel.id(), e.getMessage());
            res.status(Status.BAD_REQUEST_400).send(e.getMessage());
            return;
        }
        String twiml;
        try {
            Reply reply = handler.handle(message);
            twiml = TwiMl.message(reply.text());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "failed channel=" + channel.id() + " from="
                    + Masking.mask(message.from().value()) + " id=" + message.providerMessageId(), e);
            twiml = TwiMl.message(apology);
        }
        res.header(HeaderNames.CONTENT_TYPE, TEXT_XML);
        res.send(twiml);
    }
}
