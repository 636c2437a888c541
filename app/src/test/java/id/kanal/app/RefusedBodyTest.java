package id.kanal.app;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bodies the server refuses, sent over raw sockets to a real Kanal: the refusal answers, then the
 * connection closes, so bytes after a refused body never run as a request of their own (request
 * smuggling: a USSD callback hidden in an oversized chunk would come from the proxy's loopback
 * address and pass the allow-list).
 */
class RefusedBodyTest extends KanalOnServer {
    private static final String SECRET = "telegram-webhook-secret";
    private static final String ADMIN = "admin-token-refused-bodies";
    /** One chunk one byte over the server's 1 MiB limit: refused when its size line is read. */
    private static final String OVERSIZED_CHUNK = Integer.toHexString(KanalServer.MAX_PAYLOAD_BYTES + 1);
    private static final String SMUGGLED_FORM = "sessionId=ATUid_smuggled&serviceCode=%2A384%2A1234%23"
            + "&phoneNumber=%2B6281234567890&networkCode=51010&text=";

    RefusedBodyTest() {
        super(Map.of(
                "KANAL_TELEGRAM_BOT_TOKEN", "123456:TEST-TOKEN",
                "KANAL_TELEGRAM_WEBHOOK_SECRET", SECRET,
                "KANAL_ADMIN_TOKEN", ADMIN,
                "KANAL_USSD_ALLOWED_IPS", "127.0.0.1/32, ::1",
                // Nothing listens here: no update in these tests reaches the Bot API.
                "KANAL_TELEGRAM_API_URL", "http://127.0.0.1:9"));
    }

    @Test
    void oversizedChunkedUssdBody_413_connectionClosed_requestInTheChunkNeverRuns() throws Exception {
        String smuggled = "POST /channels/ussd HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + SMUGGLED_FORM.length()
                + "\r\n\r\n" + SMUGGLED_FORM;
        String raw = "POST /channels/ussd HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n"
                + OVERSIZED_CHUNK + "\r\n" + smuggled;

        Exchange answer = exchange(raw);

        assertEquals(413, answer.status(), answer.text());
        assertTrue(answer.closed(), "the connection must close after a refused body: " + answer.text());
        assertEquals(1, answer.responses(), "exactly one response on the connection: " + answer.text());
        assertEquals(0, ussdSessions("ATUid_smuggled"), "the request hidden in the chunk must never run");

        // The control: the same callback sent on its own does run (so the count above can see it).
        HttpResponse<String> direct = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + kanal.port() + "/channels/ussd"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(SMUGGLED_FORM)).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(direct.body().startsWith("CON "), direct.body());
        assertEquals(1, ussdSessions("ATUid_smuggled"));
    }

    @Test
    void oversizedChunkedTelegramBody_413_connectionClosed() throws Exception {
        String raw = "POST /channels/telegram HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "X-Telegram-Bot-Api-Secret-Token: " + SECRET + "\r\nTransfer-Encoding: chunked\r\n\r\n"
                + OVERSIZED_CHUNK + "\r\n{\"update_id\":1}";

        assertRefusedAndClosed(raw, 413);
    }

    @Test
    void oversizedChunkedPriceFile_413_connectionClosed_withoutWaitingForTheRest() throws Exception {
        // The bytes after the size line end without a line break: a reader that drains the refused
        // body waits for one until the socket times out; the answer must not.
        String raw = "POST /api/admin/prices HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/csv\r\n"
                + "Authorization: Bearer " + ADMIN + "\r\nTransfer-Encoding: chunked\r\n\r\n"
                + OVERSIZED_CHUNK + "\r\ndate,market,commodity,unit,price";

        assertRefusedAndClosed(raw, 413);
    }

    @Test
    void negativeContentLength_400_connectionClosed_neverA500() throws Exception {
        for (String length : new String[] {"-5", "-1"}) {
            String raw = "POST /channels/ussd HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + length + "\r\n\r\n"
                    + SMUGGLED_FORM;

            assertRefusedAndClosed(raw, 400);
            assertEquals(0, ussdSessions("ATUid_smuggled"), length);
        }
    }

    private void assertRefusedAndClosed(String raw, int status) throws IOException {
        Exchange answer = exchange(raw);
        assertEquals(status, answer.status(), answer.text());
        assertTrue(answer.closed(), "the connection must close after a refused body: " + answer.text());
    }

    /** The session's first turn, as the dialog recorded it (a first screen's session is kept in memory only). */
    private long ussdSessions(String sessionId) {
        return kanal.kanal().database().read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT COUNT(*) FROM transcript WHERE channel = 'ussd' AND provider_id = ?")) {
                ps.setString(1, sessionId + ":0");
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** What came back on one connection: everything until the server closed it, or until 5 s of silence. */
    record Exchange(String text, boolean closed) {
        int status() {
            return text.startsWith("HTTP/1.1 ") ? Integer.parseInt(text.substring(9, 12)) : -1;
        }

        int responses() {
            return text.split("HTTP/1\\.1 \\d{3}", -1).length - 1;
        }
    }

    private Exchange exchange(String raw) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", kanal.port())) {
            // A deadline, not a sleep: a connection left open shows as silence until it passes.
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(raw.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) != -1; ) {
                    got.write(buffer, 0, n);
                }
            } catch (java.net.SocketTimeoutException e) {
                return new Exchange(got.toString(StandardCharsets.ISO_8859_1), false);
            } catch (java.net.SocketException e) {
                // A reset after the answer also ends the connection.
                return new Exchange(got.toString(StandardCharsets.ISO_8859_1), true);
            }
            return new Exchange(got.toString(StandardCharsets.ISO_8859_1), true);
        }
    }
}
