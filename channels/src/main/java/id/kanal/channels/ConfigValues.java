package id.kanal.channels;

import io.helidon.common.config.Config;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reading one setting: a value that is absent or blank is unset, and a bad value fails naming
 * its full key (app's start-up error adds the environment variable that set it). Shared by the
 * channels' settings readers ({@link ChannelType#settings}) and app's own settings.
 */
public final class ConfigValues {
    private ConfigValues() {
    }

    public static Optional<String> string(Config key) {
        return key.asString().asOptional().map(String::strip).filter(v -> !v.isEmpty());
    }

    /** The value parsed; {@code parse} throws any runtime exception for a bad value and {@code must} says what is expected. */
    public static <T> Optional<T> parsed(Config key, String must, Function<String, T> parse) {
        return string(key).map(v -> {
            try {
                return parse.apply(v);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(key.key() + " must be " + must + ": " + v, e);
            }
        });
    }

    public static int integer(Config key, int min, int max, int fallback) {
        return parsed(key, "a whole number from " + min + " to " + max, v -> {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                throw new NumberFormatException("out of range");
            }
            return n;
        }).orElse(fallback);
    }

    public static double positiveNumber(Config key, double fallback) {
        return parsed(key, "a positive number", v -> {
            double d = Double.parseDouble(v);
            if (!(d > 0) || Double.isInfinite(d)) {
                throw new NumberFormatException("not positive");
            }
            return d;
        }).orElse(fallback);
    }

    public static Duration positiveDuration(Config key, Duration fallback) {
        return parsed(key, "a positive ISO-8601 duration (e.g. PT5M)", v -> {
            Duration d = Duration.parse(v);
            if (d.isNegative() || d.isZero()) {
                throw new DateTimeParseException("not positive", v, 0);
            }
            return d;
        }).orElse(fallback);
    }

    public static boolean bool(Config key, boolean fallback) {
        return parsed(key, "true or false", v -> switch (v.toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("not a boolean");
        }).orElse(fallback);
    }

    /** An absolute URL with one of the schemes, e.g. {@code http} and {@code https}. */
    public static Optional<URI> url(Config key, String example) {
        return parsed(key, "a URL like " + example, v -> {
            URI uri = URI.create(v);
            String scheme = Optional.ofNullable(uri.getScheme()).orElse("");
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            return uri;
        });
    }
}
