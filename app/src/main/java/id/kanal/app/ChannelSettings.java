package id.kanal.app;

import id.kanal.channels.ChannelType;
import io.helidon.common.config.Config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The channels' settings, each read by its {@link ChannelType} from the {@code kanal} tree when
 * Kanal starts, so that a bad value fails the start naming its key and variable.
 */
public final class ChannelSettings {
    private final Config kanal;
    private final Map<ChannelType<?>, Object> read = new LinkedHashMap<>();

    private ChannelSettings(Config kanal) {
        this.kanal = kanal;
    }

    /** Reads the settings of every type now. */
    static ChannelSettings create(Config kanal, List<ChannelType<?>> types) {
        ChannelSettings settings = new ChannelSettings(kanal);
        types.forEach(settings::of);
        return settings;
    }

    /** The settings of one type (read now if the type was not listed at start: a test's own channel). */
    public synchronized <S> S of(ChannelType<S> type) {
        @SuppressWarnings("unchecked")
        S s = (S) read.computeIfAbsent(type, t -> type.settings(kanal));
        return s;
    }

    @Override
    public synchronized String toString() {
        return "ChannelSettings" + read.values();
    }
}
