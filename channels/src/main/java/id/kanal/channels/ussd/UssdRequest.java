package id.kanal.channels.ussd;

import id.kanal.channels.web.FormBody;
import id.kanal.channels.web.MalformedRequestException;
import id.kanal.dialog.PhoneNumbers;

import java.util.Objects;

/**
 * One gateway callback in the Africa's Talking format
 * (https://developers.africastalking.com/docs/ussd/handle_sessions): {@code sessionId},
 * {@code serviceCode}, {@code phoneNumber}, {@code networkCode}, and {@code text}, every input of
 * the session so far joined by {@code *} (empty on the first screen). Never leaves the package.
 *
 * @param phone the caller in E.164 ({@code 08...} and {@code 62...} normalised)
 */
record UssdRequest(String sessionId, String serviceCode, String phone, String networkCode, String text) {
    UssdRequest {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(serviceCode, "serviceCode");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(networkCode, "networkCode");
        Objects.requireNonNull(text, "text");
    }

    /** Parses a form body; a missing session or an unusable phone number is the caller's error. */
    static UssdRequest parse(String body) {
        FormBody form = FormBody.parse(body);
        String sessionId = form.nonBlank("sessionId").orElseThrow(() -> new MalformedRequestException("sessionId is missing"));
        String raw = form.nonBlank("phoneNumber").orElseThrow(() -> new MalformedRequestException("phoneNumber is missing"));
        String phone = PhoneNumbers.normalise(raw)
                .orElseThrow(() -> new MalformedRequestException("phoneNumber is not a phone number"));
        return new UssdRequest(sessionId, form.get("serviceCode").orElse(""), phone, form.get("networkCode").orElse(""),
                form.get("text").orElse("").strip());
    }
}
