package id.kanal.app.bench;

import id.kanal.app.KanalServer;
import io.helidon.webserver.WebServer;

/**
 * The benchmark's denominator: a bare Helidon route with Kanal's server options that reads a
 * form POST and answers a fixed TwiML message. Run as its own process by {@code bench}.
 */
public final class BareServer {
    static final String TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>Halo! 1 Lapor 2 Status "
            + "3 Harga 4 Jadwal 5 Petugas</Message></Response>";

    private BareServer() {
    }

    public static void main(String[] args) {
        WebServer server = WebServer.builder()
                .port(Integer.parseInt(args[0]))
                .maxPayloadSize(KanalServer.MAX_PAYLOAD_BYTES)
                .routing(r -> r.post("/channels/sms", (req, res) -> {
                    req.content().as(String.class);
                    res.header("Content-Type", "application/xml").send(TWIML);
                }).get("/observe/health", (req, res) -> res.send("UP")))
                .build()
                .start();
        System.out.println("bare route listening on " + server.port());
    }
}
