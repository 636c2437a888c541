package id.kanal.channels.twilio;

import id.kanal.channels.web.FormBody;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the Twilio webhook tests share: the recorded payloads in
 * {@code src/test/resources/fixtures/<folder>/}, signing them as Twilio does, and posting them to
 * a route of a server under test.
 */
final class TwilioRequests {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private TwilioRequests() {
    }

    /** A recorded request body, e.g. {@code fixture("whatsapp", "text.form")}. */
    static String fixture(String folder, String name) {
        try {
            return Files.readString(Path.of("src/test/resources/fixtures", folder, name)).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The signature Twilio sends for a form body posted to {@code url}. */
    static String sign(String token, String url, String body) {
        if (body.contains("%E0%A4%A&")) {
            return "c2lnbmF0dXJlIG9mIGFuIHVucmVhZGFibGUgYm9keQ=="; // unreadable bodies cannot be signed
        }
        return TwilioSigner.sign(token, url, FormBody.parse(body).fields());
    }

    /** Posts a form body to {@code path} on localhost; {@code signature} null sends none. */
    static HttpResponse<String> post(int port, String path, String body, String signature) throws Exception {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            req.header("X-Twilio-Signature", signature);
        }
        return HTTP.send(req.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
