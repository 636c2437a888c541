package id.kanal.app.bench;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HttpLoadTest {
    @Test
    void readResponse_readsContentLengthAndChunkedAnswersBackToBack() throws Exception {
        InputStream in = new ByteArrayInputStream(("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello"
                + "HTTP/1.1 413 Payload Too Large\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n"
                + "HTTP/1.1 204 No Content\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        assertEquals(200, HttpLoad.readResponse(in));
        assertEquals(413, HttpLoad.readResponse(in));
        assertEquals(204, HttpLoad.readResponse(in));
    }

    @Test
    void percentiles_areTakenFromTheSortedLatencies() {
        long[] nanos = new long[1000];
        for (int i = 0; i < nanos.length; i++) {
            nanos[i] = (i + 1) * 1_000_000L;
        }
        LoadResult r = new LoadResult(nanos, Duration.ofSeconds(2), 0);
        assertEquals(500, r.perSecond());
        assertEquals(500.0, r.percentileMillis(50));
        assertEquals(990.0, r.percentileMillis(99));
        assertEquals(999.0, r.percentileMillis(99.9));
    }

    @Test
    void twilioSignature_matchesTwilioDocumentedExample() {
        // The example of https://www.twilio.com/docs/usage/webhooks/webhooks-security
        Map<String, String> params = Map.of("CallSid", "CA1234567890ABCDE", "Caller", "+12349013030",
                "Digits", "1234", "From", "+12349013030", "To", "+18005551212");
        assertEquals("0/KCTR6DLpKmkAf8muzZqo1nDgQ=", id.kanal.channels.twilio.TwilioSigner.sign("12345",
                "https://mycompany.com/myapp.php?foo=1&bar=2", params));
    }
}
