package id.kanal.channels.web;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CidrTest {
    @Test
    void contains_matchesNetworksOfBothFamilies() throws Exception {
        Cidr gateway = Cidr.parse("196.201.214.0/23");
        assertTrue(gateway.contains(InetAddress.getByName("196.201.215.9")));
        assertFalse(gateway.contains(InetAddress.getByName("196.201.216.1")));
        assertTrue(gateway.contains(InetAddress.getByName("::ffff:196.201.214.7")), "IPv4 mapped into IPv6");
        InetAddress v6loopback = InetAddress.getByName("::1");
        assertTrue(Cidr.LOOPBACK.stream().anyMatch(c -> c.contains(v6loopback)));
        assertTrue(Cidr.parse("10.1.2.3").contains(InetAddress.getByName("10.1.2.3")));
        assertFalse(Cidr.parse("10.1.2.3").contains(InetAddress.getByName("10.1.2.4")));
    }

    @Test
    void parse_rejectsHostNamesAndBadPrefixes() {
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse("gateway.example.com"));
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse("10.0.0.0/x"));
    }
}
