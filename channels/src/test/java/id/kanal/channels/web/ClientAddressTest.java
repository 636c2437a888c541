package id.kanal.channels.web;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ClientAddressTest {
    private static final ClientAddress BEHIND_PROXIES = ClientAddress.trusting(Cidr.parseList("10.0.0.0/8, 127.0.0.1"));

    @Test
    void resolve_walksFromTheRight_whileTheReporterIsTrusted() throws Exception {
        InetAddress proxy = InetAddress.getByName("10.0.0.2");
        assertEquals(ip("203.0.113.5"), BEHIND_PROXIES.resolve(proxy, List.of("203.0.113.5")));
        // Two proxies in a row: the inner one's report is believed too.
        assertEquals(ip("203.0.113.5"), BEHIND_PROXIES.resolve(proxy, List.of("198.51.100.1, 203.0.113.5, 10.0.0.7")));
        // Several headers are one list, in order.
        assertEquals(ip("203.0.113.5"), BEHIND_PROXIES.resolve(proxy, List.of("198.51.100.1", "203.0.113.5")));
        // All trusted: the left-most is as far as anyone can tell.
        assertEquals(ip("10.0.0.9"), BEHIND_PROXIES.resolve(proxy, List.of("10.0.0.9")));
        // Nothing forwarded: the proxy itself.
        assertEquals(proxy, BEHIND_PROXIES.resolve(proxy, List.of()));
    }

    @Test
    void resolve_untrustedPeerOrGarbage_isNeverBelieved() throws Exception {
        InetAddress stranger = InetAddress.getByName("198.51.100.7");
        assertEquals(stranger, BEHIND_PROXIES.resolve(stranger, List.of("127.0.0.1")));
        assertEquals(stranger, ClientAddress.trusting(List.of()).resolve(stranger, List.of("10.0.0.1")));
        InetAddress proxy = InetAddress.getByName("127.0.0.1");
        assertEquals(proxy, BEHIND_PROXIES.resolve(proxy, List.of("evil.example.com")), "no DNS lookups, no guesses");
        assertEquals(ip("2001:db8::1"), BEHIND_PROXIES.resolve(proxy, List.of("[2001:db8::1]")));
    }

    private static InetAddress ip(String literal) throws Exception {
        return InetAddress.getByName(literal);
    }
}
