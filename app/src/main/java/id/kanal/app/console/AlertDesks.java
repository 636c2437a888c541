package id.kanal.app.console;

import id.kanal.services.alerts.AlertFunnel;
import id.kanal.services.alerts.AreaAlerts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Whose area alerts a console account works with (issue 20): a region account its own region's
 * only (another region's is a 403 that says why), an every-region account the region it names, the
 * default region's when it names none. Each region's alerts reach only its kecamatan, kelurahan
 * and residents, so picking the region is the whole rule.
 */
final class AlertDesks {
    /** A region's alerts, its code and name. */
    record Picked(String code, String name, AreaAlerts alerts) {
        Picked {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(alerts, "alerts");
        }
    }

    private final Map<String, Picked> byCode = new LinkedHashMap<>();
    private final String defaultCode;

    /** @param regions every region's alerts, the default region's among them */
    AlertDesks(List<Picked> regions, String defaultCode) {
        regions.forEach(r -> byCode.put(r.code(), r));
        if (!byCode.containsKey(defaultCode)) {
            throw new IllegalArgumentException("no alerts for the default region " + defaultCode);
        }
        this.defaultCode = defaultCode;
    }

    /** The region the desk works on: its own, or the one {@code asked} for an every-region desk. */
    Picked pick(Desk desk, Optional<String> asked) {
        Optional<String> own = desk.region();
        if (own.isPresent() && asked.isPresent() && !asked.equals(own)) {
            throw ConsoleException.forbidden("alerts of region " + asked.get() + " are sent by its own staff; "
                    + "your account works in region " + own.get());
        }
        String code = own.or(() -> asked).orElse(defaultCode);
        Picked region = byCode.get(code);
        if (region == null) {
            throw ConsoleException.badRequest("no region " + code);
        }
        return region;
    }

    /** The regions the desk may pick, code and name each: every region for an every-region desk, else its own. */
    List<Map<String, String>> choices(Desk desk) {
        return byCode.values().stream().filter(r -> desk.region().map(r.code()::equals).orElse(true))
                .map(r -> Map.of("code", r.code(), "name", r.name())).toList();
    }

    /**
     * An alert with its funnel: from the picked region, or from any region for an every-region desk;
     * another region's alert is a 403 for a region desk, an alert nobody sent a 404.
     */
    AlertFunnel funnel(Desk desk, Picked picked, String id) {
        Optional<AlertFunnel> own = picked.alerts().funnel(id);
        if (own.isPresent()) {
            return own.get();
        }
        for (Picked other : byCode.values()) {
            if (other == picked) {
                continue;
            }
            Optional<AlertFunnel> found = other.alerts().funnel(id);
            if (found.isPresent() && desk.region().isPresent()) {
                throw ConsoleException.forbidden("alert " + id + " is region " + other.code() + "'s; "
                        + "your account works in region " + desk.region().get());
            }
            if (found.isPresent()) {
                return found.get();
            }
        }
        throw ConsoleException.notFound("no such alert");
    }
}
