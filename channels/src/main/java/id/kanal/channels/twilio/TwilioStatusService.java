package id.kanal.channels.twilio;

import id.kanal.channels.web.FormBody;
import id.kanal.dialog.Address;
import id.kanal.dialog.port.OutboxQueue;
import id.kanal.dialog.port.ResidentRegistry;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Twilio status callbacks: {@code POST <mount>/twilio/status}, signed like the message webhooks
 * (https://www.twilio.com/docs/messaging/guides/track-outbound-message-status). Records
 * {@code MessageStatus} and {@code ErrorCode} on the outbox row sent with that
 * {@code MessageSid}; error 21610 (the recipient sent STOP) marks the resident stopped.
 *
 * <p>Outcomes: 200 when recorded, and also for a MessageSid Kanal never sent (logged and
 * ignored: a message sent from the Twilio console, or a row since deleted; a non-2xx answer
 * would only make Twilio log errors); 400 malformed; 403 bad signature; 503 not configured.
 */
public final class TwilioStatusService implements HttpService {
    private static final System.Logger LOG = System.getLogger(TwilioStatusService.class.getName());
    /** "Attempt to send to unsubscribed recipient": https://www.twilio.com/docs/api/errors/21610 */
    static final String UNSUBSCRIBED = "21610";
    private static final Pattern STATUS = Pattern.compile("[a-z_]{1,32}");
    private static final Pattern ERROR_CODE = Pattern.compile("\\d{1,6}");
    private static final Pattern SID = Pattern.compile("[A-Za-z0-9]{2,64}");

    private final TwilioWebhook webhook;
    private final OutboxQueue outbox;
    private final ResidentRegistry residents;
    private final Clock clock;

    public TwilioStatusService(TwilioConfig config, OutboxQueue outbox, ResidentRegistry residents, Clock clock) {
        this.webhook = new TwilioWebhook(config);
        this.outbox = outbox;
        this.residents = residents;
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/twilio/status", this::handle);
    }

    private void handle(ServerRequest req, ServerResponse res) {
        Optional<FormBody> verified = webhook.verify(req, res, "twilio-status");
        if (verified.isEmpty()) {
            return;
        }
        FormBody form = verified.get();
        Optional<String> sid = form.nonBlank("MessageSid").map(String::strip);
        // SmsStatus is the older name of the same field; Twilio still sends both.
        Optional<String> status = form.nonBlank("MessageStatus").or(() -> form.nonBlank("SmsStatus")).map(String::strip);
        Optional<String> errorCode = form.nonBlank("ErrorCode").map(String::strip);
        String problem = sid.isEmpty() ? "MessageSid missing"
                : !SID.matcher(sid.get()).matches() ? "MessageSid invalid"
                : status.isEmpty() ? "MessageStatus missing"
                : !STATUS.matcher(status.get()).matches() ? "MessageStatus invalid"
                : errorCode.isPresent() && !ERROR_CODE.matcher(errorCode.get()).matches() ? "ErrorCode invalid"
                : null;
        if (problem != null) {
            LOG.log(System.Logger.Level.WARNING, "rejected route=twilio-status: {0}", problem);
            res.status(Status.BAD_REQUEST_400).send(problem);
            return;
        }
        Optional<Address> to = outbox.recordDelivery(sid.get(), status.get(), errorCode, clock.instant());
        if (to.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, "ignored route=twilio-status sid={0} status={1}: no outbox row sent with it",
                    sid.get(), status.get());
            res.send("ignored");
            return;
        }
        if (errorCode.filter(UNSUBSCRIBED::equals).isPresent()) {
            residents.optOut(to.get(), clock.instant());
            LOG.log(System.Logger.Level.INFO, "opted out resident={0} via=twilio-status error=21610", to.get().masked());
        }
        LOG.log(System.Logger.Level.DEBUG, "delivery sid={0} status={1} error={2} to={3}", sid.get(), status.get(),
                errorCode.orElse("-"), to.get().masked());
        res.send("ok");
    }
}
