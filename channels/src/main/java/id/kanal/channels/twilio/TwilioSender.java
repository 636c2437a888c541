package id.kanal.channels.twilio;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;
import id.kanal.channels.outbox.ChannelSender;
import id.kanal.channels.outbox.SendResult;
import id.kanal.channels.outbox.SenderIdentities;
import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import id.kanal.dialog.Masking;
import id.kanal.dialog.port.ResidentRegistry;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Sends SMS and WhatsApp messages through Twilio's Messages API with the real SDK
 * ({@code Message.creator(...)}), and classifies Twilio's answer as a {@link SendResult}.
 *
 * <p>USSD cannot be pushed to: outbox rows for a USSD address (a receipt after the session
 * ended) go out as SMS to the same number.
 *
 * <p>WhatsApp allows free-form messages only within 24 hours of the resident's last message
 * (https://www.twilio.com/docs/whatsapp/key-concepts#the-24-hour-window-or-24-hour-session).
 * Outside it (known from {@link ResidentRegistry#whatsAppLastInbound}, or Twilio's error 63016
 * when the two clocks disagree) the message goes as a Content template (the row's own, or
 * {@code KANAL_WHATSAPP_TEMPLATE_SID} with the text as variable 1), else as an SMS.
 *
 * <p>Errors (https://www.twilio.com/docs/api/errors): 5xx, 429 and timeouts are retried later;
 * 21610 means the resident sent STOP; other 4xx will never succeed.
 */
public final class TwilioSender implements ChannelSender {
    private static final System.Logger LOG = System.getLogger(TwilioSender.class.getName());
    static final Duration WHATSAPP_WINDOW = Duration.ofHours(24);
    static final int UNSUBSCRIBED = 21610;
    static final int OUTSIDE_WINDOW = 63016;

    private final TwilioSenderConfig config;
    private final ResidentRegistry residents;
    private final Clock clock;
    private final TwilioHttpClient http;
    private final TwilioRestClient client;
    private final SenderIdentities identities;

    public TwilioSender(TwilioSenderConfig config, ResidentRegistry residents, Clock clock) {
        this(config, residents, clock, SenderIdentities.none());
    }

    /** @param identities the numbers regions send from (a region without one sends from the configured number) */
    public TwilioSender(TwilioSenderConfig config, ResidentRegistry residents, Clock clock, SenderIdentities identities) {
        this.identities = identities;
        this.config = config;
        this.residents = residents;
        this.clock = clock;
        this.http = new TwilioHttpClient(config.apiUrl(), config.timeout());
        this.client = new TwilioRestClient.Builder(config.accountSid(), config.authToken()).httpClient(http).build();
    }

    @Override
    public Set<Channel> channels() {
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        config.smsFrom().ifPresent(f -> channels.addAll(EnumSet.of(Channel.SMS, Channel.USSD)));
        config.whatsAppFrom().ifPresent(f -> channels.add(Channel.WHATSAPP));
        return channels;
    }

    @Override
    public SendResult send(Address to, String body, Optional<String> template) {
        return send(to, body, template, Optional.empty());
    }

    @Override
    public SendResult send(Address to, String body, Optional<String> template, Optional<String> region) {
        Optional<String> smsFrom = region.flatMap(r -> identities.from(r, Channel.SMS)).or(config::smsFrom);
        Optional<String> whatsAppFrom = region.flatMap(r -> identities.from(r, Channel.WHATSAPP)).or(config::whatsAppFrom);
        return switch (to.channel()) {
            case SMS, USSD -> sms(to, body, smsFrom);
            // The window is the region's: the resident as that region knows them wrote to its sender.
            case WHATSAPP -> whatsApp(to, region.map(to::inRegion).orElse(to), body, template, whatsAppFrom, smsFrom);
            case TELEGRAM -> new SendResult.Failed("Twilio does not deliver Telegram", false);
        };
    }

    private SendResult sms(Address to, String body, Optional<String> from) {
        if (from.isEmpty()) {
            return new SendResult.Failed("no SMS sender configured (KANAL_TWILIO_SMS_FROM)", false);
        }
        return create(new MessageCreator(new PhoneNumber(to.value()), new PhoneNumber(from.get()), body), to);
    }

    private SendResult whatsApp(Address to, Address resident, String body, Optional<String> template,
                                Optional<String> from, Optional<String> smsFrom) {
        boolean windowOpen = residents.whatsAppLastInbound(resident)
                .map(last -> last.isAfter(clock.instant().minus(WHATSAPP_WINDOW)))
                .orElse(false);
        if (windowOpen) {
            try {
                return send(new MessageCreator(whatsApp(to.value()), whatsApp(from.orElseThrow()), body), to);
            } catch (ApiException e) {
                if (e.getCode() == null || e.getCode() != OUTSIDE_WINDOW) {
                    return classify(e);
                }
                LOG.log(System.Logger.Level.INFO, "whatsapp window closed at Twilio (63016) to={0}", to.masked());
            } catch (ApiConnectionException e) {
                return new SendResult.RetryLater("twilio: " + e.getMessage(), Optional.empty());
            }
        }
        return outsideWindow(to, body, template, from, smsFrom);
    }

    private SendResult outsideWindow(Address to, String body, Optional<String> template, Optional<String> from,
                                     Optional<String> smsFrom) {
        Optional<ContentTemplate> content = template.map(ContentTemplate::parse)
                .or(() -> config.whatsAppTemplateSid().map(sid -> ContentTemplate.withText(sid, body)));
        if (content.isPresent()) {
            MessageCreator creator = new MessageCreator(whatsApp(to.value()), whatsApp(from.orElseThrow()),
                    (String) null).setContentSid(content.get().sid());
            content.get().variables().ifPresent(creator::setContentVariables);
            LOG.log(System.Logger.Level.DEBUG, "whatsapp outside window to={0}: template {1}", to.masked(), content.get().sid());
            return create(creator, to);
        }
        if (smsFrom.isPresent()) {
            LOG.log(System.Logger.Level.INFO, "whatsapp outside window to={0}: falling back to SMS", to.masked());
            return sms(new Address(Channel.SMS, to.value()), body, smsFrom);
        }
        return new SendResult.Failed("outside WhatsApp's 24-hour window and no template "
                + "(KANAL_WHATSAPP_TEMPLATE_SID) or SMS sender (KANAL_TWILIO_SMS_FROM) configured", false);
    }

    private SendResult create(MessageCreator creator, Address to) {
        try {
            return send(creator, to);
        } catch (ApiException e) {
            return classify(e);
        } catch (ApiConnectionException e) {
            return new SendResult.RetryLater("twilio: " + e.getMessage(), Optional.empty());
        }
    }

    private SendResult send(MessageCreator creator, Address to) {
        config.statusCallbackUrl().ifPresent(creator::setStatusCallback);
        Message m = creator.create(client);
        LOG.log(System.Logger.Level.DEBUG, "twilio accepted sid={0} to={1}", m.getSid(), Masking.mask(to.value()));
        return new SendResult.Sent(m.getSid());
    }

    private SendResult classify(ApiException e) {
        Integer status = e.getStatusCode();
        Integer code = e.getCode();
        String error = "twilio " + (status == null ? "-" : status) + " code=" + (code == null ? "-" : code) + ": " + e.getMessage();
        if (code != null && code == UNSUBSCRIBED) {
            return new SendResult.Failed(error, true);
        }
        if (status == null || status >= 500 || status == 429) {
            return new SendResult.RetryLater(error, status != null && status == 429 ? http.lastRetryAfter() : Optional.empty());
        }
        return new SendResult.Failed(error, false);
    }

    private static PhoneNumber whatsApp(String number) {
        return new PhoneNumber("whatsapp:" + number);
    }
}
