package id.kanal.app.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A bearer token of one region's (or one agency's) integration ({@code KANAL_API_TOKENS}): what it
 * may read and change is that region's complaints, or only those routed to that agency. Written
 * {@code <region>[/<agency>]=<token>}, several separated by commas, e.g.
 * {@code kabupaten-tangerang=9f2c...,kota-tangerang/dlh=41ab...}. The token is everything after
 * the first {@code =} (so it may hold {@code =}, not a comma).
 */
public record ApiToken(String region, Optional<String> agency, String token) {
    /** The shortest token accepted: a guessable one is worse than none. */
    static final int MIN_LENGTH = 16;

    public ApiToken {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(token, "token");
    }

    /**
     * Parses the setting's value.
     *
     * @throws IllegalArgumentException naming the entry (by its scope, never the token) that is malformed
     */
    public static List<ApiToken> parseAll(String value, String setting) {
        List<ApiToken> out = new ArrayList<>();
        for (String entry : value.split(",")) {
            String e = entry.strip();
            if (e.isEmpty()) {
                continue;
            }
            int eq = e.indexOf('=');
            String scope = eq < 0 ? "" : e.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String token = eq < 0 ? "" : e.substring(eq + 1).strip();
            if (scope.isEmpty() || token.length() < MIN_LENGTH) {
                throw new IllegalArgumentException(setting + ": each entry is <region>[/<agency>]=<token of at least "
                        + MIN_LENGTH + " characters>; entry " + (out.size() + 1) + (scope.isEmpty() ? "" : " (" + scope + ")")
                        + " is not");
            }
            int slash = scope.indexOf('/');
            out.add(slash < 0 ? new ApiToken(scope, Optional.empty(), token)
                    : new ApiToken(scope.substring(0, slash), Optional.of(scope.substring(slash + 1)), token));
        }
        long distinct = out.stream().map(ApiToken::token).distinct().count();
        if (distinct < out.size()) {
            throw new IllegalArgumentException(setting + ": the same token is given to two scopes");
        }
        return List.copyOf(out);
    }

    /** {@code region} or {@code region/agency}, for logs and messages (never the token). */
    public String scope() {
        return region + agency.map(a -> "/" + a).orElse("");
    }

    @Override
    public String toString() {
        return "ApiToken[" + scope() + "]";
    }
}
