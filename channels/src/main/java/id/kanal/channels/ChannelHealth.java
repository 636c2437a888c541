package id.kanal.channels;

import java.util.Map;
import java.util.Objects;

/**
 * A channel's health: its state and details such as one entry per connection
 * ({@code "bind-1" -> "BOUND_TRX"}) or what is configured ({@code "sending" -> "off"}). Details
 * never hold secrets or phone numbers.
 *
 * @param state   {@link State#DOWN} takes the node out of readiness; {@link State#DEGRADED} does not
 * @param details shown beside the state
 */
public record ChannelHealth(State state, Map<String, String> details) {
    /** How well a channel works. */
    public enum State {
        /** Everything configured works. */
        UP,
        /** It works in part: some connections are down, or the provider throttles. */
        DEGRADED,
        /** It cannot receive or send at all. */
        DOWN
    }

    public ChannelHealth {
        Objects.requireNonNull(state, "state");
        details = Map.copyOf(details);
    }

    public static ChannelHealth up(Map<String, String> details) {
        return new ChannelHealth(State.UP, details);
    }

    public static ChannelHealth degraded(Map<String, String> details) {
        return new ChannelHealth(State.DEGRADED, details);
    }

    public static ChannelHealth down(Map<String, String> details) {
        return new ChannelHealth(State.DOWN, details);
    }
}
