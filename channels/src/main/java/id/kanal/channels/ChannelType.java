package id.kanal.channels;

import io.helidon.common.config.Config;

import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * How to make one kind of channel: read its settings, then build it. The server lists every
 * type in one registration table and makes the ones their settings activate.
 *
 * <p>Two steps so that a bad setting fails the start with its key (and its environment
 * variable) before anything opens, and so the settings can be shown and tested without a
 * database.
 *
 * @param <S> the channel's settings record
 */
public interface ChannelType<S> {
    /** The channel's name: its config subtree under {@code kanal}, its health check's name. */
    String name();

    /**
     * Reads the channel's settings from the whole {@code kanal} tree (normally its own subtree,
     * {@code kanal.get(name())}); throws {@link IllegalArgumentException} naming the full key of a
     * bad value. Reads nothing else: no network, no files.
     */
    S settings(Config kanal);

    /**
     * Builds the channel, or returns empty, after logging once at INFO why (which settings to set),
     * when the settings leave it off. Opens no connection yet: that is {@link KanalChannel#start}.
     */
    Optional<KanalChannel> create(S settings, ChannelContext context);

    /** A type from its name, its settings reader and its factory. */
    static <S> ChannelType<S> of(String name, Function<Config, S> settings,
                                 BiFunction<S, ChannelContext, Optional<KanalChannel>> factory) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(factory, "factory");
        return new ChannelType<>() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public S settings(Config kanal) {
                return settings.apply(kanal);
            }

            @Override
            public Optional<KanalChannel> create(S s, ChannelContext context) {
                return factory.apply(s, context);
            }

            @Override
            public String toString() {
                return "ChannelType[" + name + "]";
            }
        };
    }
}
