package id.kanal.channels.twilio;

import id.kanal.channels.web.FormBody;
import id.kanal.channels.web.BoundedBody;
import id.kanal.channels.web.ClientErrorException;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.Optional;

/**
 * The checks every Twilio webhook (messages and status callbacks) passes before it is read:
 * configured (else 503), no larger than {@link #MAX_FORM_BYTES} (else 413), form-encoded (else 400),
 * signed for the public URL (else 403).
 */
final class TwilioWebhook {
    private static final System.Logger LOG = System.getLogger(TwilioWebhook.class.getName());
    private static final HeaderName SIGNATURE = HeaderNames.create("X-Twilio-Signature");
    /**
     * The largest webhook form: a 4096-character WhatsApp body, up to 4 UTF-8 bytes a character and
     * each byte percent-encoded (3 characters), is 48 KiB; Twilio's other fields (ten media URLs,
     * addresses, ids) are a few KiB more.
     */
    static final int MAX_FORM_BYTES = 64 * 1024;

    private final TwilioConfig config;
    private final Optional<TwilioSignature> signature;

    TwilioWebhook(TwilioConfig config) {
        this.config = config;
        this.signature = config.authToken().map(TwilioSignature::new);
    }

    boolean configured() {
        return signature.isPresent();
    }

    /** The verified form, or empty when the answer (503, 400 or 403) has been sent. */
    Optional<FormBody> verify(ServerRequest req, ServerResponse res, String route) {
        if (signature.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "rejected route={0}: no Twilio auth token configured", route);
            res.status(Status.SERVICE_UNAVAILABLE_503).send("Twilio is not configured: set KANAL_TWILIO_AUTH_TOKEN");
            return Optional.empty();
        }
        FormBody form;
        try {
            form = FormBody.parse(BoundedBody.text(req, MAX_FORM_BYTES));
        } catch (ClientErrorException e) {
            reject(res, route, e);
            return Optional.empty();
        }
        // The path as the client sent it (req.path() is relative to this service's mount point).
        String url = config.publicUrl() + req.prologue().uriPath().rawPath()
                + (req.query().rawValue().isEmpty() ? "" : "?" + req.query().rawValue());
        Optional<String> sig = req.headers().first(SIGNATURE);
        if (sig.isEmpty() || !signature.get().valid(url, form.fields(), sig.get())) {
            LOG.log(System.Logger.Level.WARNING, "rejected route={0}: {1} signature for {2}", route,
                    sig.isEmpty() ? "missing" : "invalid", url);
            res.status(Status.FORBIDDEN_403).send("invalid signature");
            return Optional.empty();
        }
        return Optional.of(form);
    }

    /** A refused request, answered in Twilio's plain form: the status and the reason (Twilio logs it). */
    static void reject(ServerResponse res, String route, ClientErrorException e) {
        LOG.log(System.Logger.Level.WARNING, "rejected route={0} status={1}: {2}", route, e.status(), e.getMessage());
        res.status(Status.create(e.status())).send(e.getMessage());
    }
}
