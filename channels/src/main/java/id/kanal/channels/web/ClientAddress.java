package id.kanal.channels.web;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerRequest;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who is calling: the connection's peer, or, when the peer is one of the configured reverse
 * proxies ({@code KANAL_TRUSTED_PROXIES}), the right-most {@code X-Forwarded-For} entry that is
 * not itself a trusted proxy. Entries to the left of that are whatever the caller wrote and are
 * never believed; with no trusted proxies the header is ignored entirely.
 *
 * <p>Installed once as a routing {@link #filter()}, which stores the address in the request's
 * context; {@link #of(ServerRequest)} reads it (the peer when no filter ran), so the USSD
 * allow-list and the console's login throttle see the same caller.
 */
public final class ClientAddress {
    private static final HeaderName FORWARDED_FOR = HeaderNames.X_FORWARDED_FOR;
    private static final String CONTEXT_KEY = ClientAddress.class.getName();

    private final List<Cidr> trustedProxies;

    private ClientAddress(List<Cidr> trustedProxies) {
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    /** Believes {@code X-Forwarded-For} only from these networks (none: never). */
    public static ClientAddress trusting(List<Cidr> trustedProxies) {
        return new ClientAddress(trustedProxies);
    }

    /** A filter that works the caller out once per request. */
    public Filter filter() {
        return (FilterChain chain, RoutingRequest req, RoutingResponse res) -> {
            peer(req).ifPresent(peer -> req.context().register(CONTEXT_KEY,
                    resolve(peer, req.headers().all(FORWARDED_FOR, List::of))));
            chain.proceed();
        };
    }

    /** The caller as {@link #filter()} worked it out, else the connection's peer; empty when unknown. */
    public static Optional<InetAddress> of(ServerRequest req) {
        Optional<InetAddress> resolved = req.context().get(CONTEXT_KEY, InetAddress.class);
        return resolved.isPresent() ? resolved : peer(req);
    }

    /** {@link #of} as text for logs and counters, {@code unknown} when there is no peer address. */
    public static String text(ServerRequest req) {
        return of(req).map(InetAddress::getHostAddress).orElse("unknown");
    }

    /**
     * The caller behind {@code peer}: walking the forwarded-for chain from the right, each hop is
     * believed only while the hop that reported it is a trusted proxy. An entry that is not an
     * IP address ends the walk at the last address known.
     *
     * @param forwardedFor the {@code X-Forwarded-For} header values in the order received
     */
    InetAddress resolve(InetAddress peer, List<String> forwardedFor) {
        if (!trusted(peer)) {
            return peer; // a direct caller (every request when no proxy is trusted): its header is not read
        }
        List<String> hops = new ArrayList<>();
        for (String value : forwardedFor) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    hops.add(part.strip());
                }
            }
        }
        InetAddress current = peer;
        for (int i = hops.size() - 1; i >= 0 && trusted(current); i--) {
            Optional<InetAddress> hop = Cidr.literal(hops.get(i));
            if (hop.isEmpty()) {
                break;
            }
            current = hop.get();
        }
        return current;
    }

    private boolean trusted(InetAddress a) {
        for (Cidr proxy : trustedProxies) {
            if (proxy.contains(a)) {
                return true;
            }
        }
        return false;
    }

    private static Optional<InetAddress> peer(ServerRequest req) {
        return req.remotePeer().address() instanceof InetSocketAddress a && a.getAddress() != null
                ? Optional.of(a.getAddress()) : Optional.empty();
    }
}
