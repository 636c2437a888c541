package id.kanal.channels.testing;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.Executors;

/**
 * The HTTP server under each provider's fake (Twilio, the Bot API, a media host): loopback, a
 * free port, every request on its own virtual thread so that a call a fake hangs never holds up
 * the next one.
 */
public final class LoopbackServer {
    private LoopbackServer() {
    }

    /** A started server that passes every path to {@code handler}; stop it with {@code stop(0)}. */
    public static HttpServer start(HttpHandler handler) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", handler);
        server.start();
        return server;
    }

    /** Where a client reaches {@code server}. */
    public static URI url(HttpServer server) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }
}
