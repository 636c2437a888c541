package id.kanal.dialog;

import id.kanal.dialog.port.Trip;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a {@link State} as one line of text for storage ({@code type=confirming&category=sampah&...},
 * form-encoded) and reads it back. Unknown or damaged text reads as the menu, so a schema change
 * never strands a resident.
 */
public final class StateCodec {
    private StateCodec() {
    }

    /** The storage name of a state's type ("menu", "queued", ...), also used by the console's queue. */
    public static String typeOf(State state) {
        return switch (state) {
            case State.Menu s -> "menu";
            case State.ChoosingCategory s -> "choosing-category";
            case State.AskingLocation s -> "asking-location";
            case State.AskingDescription s -> "asking-description";
            case State.Confirming s -> "confirming";
            case State.OfferingResume s -> "offering-resume";
            case State.AskingTicket s -> "asking-ticket";
            case State.ChoosingLanguage s -> "choosing-language";
            case State.AskingCommodity s -> "asking-commodity";
            case State.AskingStop s -> "asking-stop";
            case State.ChoosingStop s -> "choosing-stop";
            case State.OfferingAgent s -> "offering-agent";
            case State.ChoosingPack s -> "choosing-pack";
            case State.ReadingPack s -> "reading-pack";
            case State.Queued s -> "queued";
            case State.WithAgent s -> "with-agent";
        };
    }

    public static String encode(State state) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("type", typeOf(state));
        state.pendingDraft().ifPresent(d -> draft(f, d));
        switch (state) {
            case State.AskingTicket s -> list(f, "listed", s.listed());
            case State.AskingCommodity s -> s.market().ifPresent(m -> f.put("market", m));
            case State.AskingStop s -> trip(f, s.query());
            case State.ChoosingStop s -> {
                trip(f, s.query());
                f.put("origin", String.valueOf(s.forOrigin()));
                list(f, "stop", s.stopIds());
            }
            case State.ReadingPack s -> {
                f.put("pack", s.pack());
                f.put("query", s.query());
                f.put("shown", String.valueOf(s.shown()));
            }
            case State.Queued s -> {
                f.put("reason", s.reason());
                f.put("since", s.since().toString());
            }
            case State.WithAgent s -> {
                f.put("agent", s.agent());
                f.put("since", s.since().toString());
            }
            default -> {
            }
        }
        StringBuilder out = new StringBuilder();
        f.forEach((k, v) -> {
            if (!out.isEmpty()) {
                out.append('&');
            }
            out.append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
        return out.toString();
    }

    public static State decode(String text) {
        Map<String, String> f = new LinkedHashMap<>();
        try {
            for (String pair : text.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    f.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            return switch (f.getOrDefault("type", "menu")) {
                case "choosing-category" -> new State.ChoosingCategory(draft(f));
                case "asking-location" -> new State.AskingLocation(draft(f));
                case "asking-description" -> new State.AskingDescription(draft(f));
                case "confirming" -> new State.Confirming(draft(f));
                case "offering-resume" -> new State.OfferingResume(draft(f));
                case "asking-ticket" -> new State.AskingTicket(list(f, "listed"));
                case "choosing-language" -> new State.ChoosingLanguage();
                case "asking-commodity" -> new State.AskingCommodity(Optional.ofNullable(f.get("market")));
                case "asking-stop" -> new State.AskingStop(trip(f));
                case "choosing-stop" -> new State.ChoosingStop(trip(f), Boolean.parseBoolean(f.get("origin")),
                        list(f, "stop"));
                case "offering-agent" -> new State.OfferingAgent();
                case "choosing-pack" -> new State.ChoosingPack();
                case "reading-pack" -> new State.ReadingPack(f.get("pack"), f.getOrDefault("query", ""),
                        Integer.parseInt(f.get("shown")));
                case "queued" -> new State.Queued(f.get("reason"), Instant.parse(f.get("since")));
                case "with-agent" -> new State.WithAgent(f.get("agent"), Instant.parse(f.get("since")));
                default -> State.MENU;
            };
        } catch (RuntimeException e) {
            return State.MENU;
        }
    }

    private static void draft(Map<String, String> f, ComplaintDraft d) {
        d.categoryCode().ifPresent(v -> f.put("category", v));
        d.location().ifPresent(v -> f.put("location", v));
        d.description().ifPresent(v -> f.put("description", v));
        if (d.locationGuessed()) {
            f.put("location-guessed", "true");
        }
        d.point().ifPresent(p -> f.put("point", p.latitude() + "," + p.longitude()));
        list(f, "photo", d.photos().stream().map(m -> m.contentType() + " " + m.url()).toList());
    }

    private static ComplaintDraft draft(Map<String, String> f) {
        Optional<GeoPoint> point = Optional.ofNullable(f.get("point")).map(p -> {
            String[] ll = p.split(",");
            return new GeoPoint(Double.parseDouble(ll[0]), Double.parseDouble(ll[1]));
        });
        List<Media> photos = list(f, "photo").stream().map(v -> {
            int sp = v.indexOf(' ');
            return new Media(v.substring(sp + 1), v.substring(0, sp));
        }).toList();
        return new ComplaintDraft(Optional.ofNullable(f.get("category")), Optional.ofNullable(f.get("location")),
                Optional.ofNullable(f.get("description")), point, photos, "true".equals(f.get("location-guessed")));
    }

    private static void trip(Map<String, String> f, TripQuery q) {
        q.fromStop().ifPresent(v -> f.put("from", v));
        q.toStop().ifPresent(v -> f.put("to", v));
        q.toWords().ifPresent(v -> f.put("to-words", v));
        if (q.anyDestination()) {
            f.put("any", "true");
        }
        if (q.which() != Trip.Which.NEXT) {
            f.put("which", q.which().name());
        }
        q.mode().ifPresent(v -> f.put("mode", v.name()));
    }

    private static TripQuery trip(Map<String, String> f) {
        // States saved before "which" and "mode" existed read as the next departures, any mode.
        Trip.Which which = f.containsKey("which") ? Trip.Which.valueOf(f.get("which")) : Trip.Which.NEXT;
        return new TripQuery(Optional.ofNullable(f.get("from")), Optional.ofNullable(f.get("to")),
                Optional.ofNullable(f.get("to-words")), Boolean.parseBoolean(f.get("any")), which,
                Optional.ofNullable(f.get("mode")).map(id.kanal.dialog.port.TransitMode::valueOf));
    }

    private static void list(Map<String, String> f, String key, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            f.put(key + i, values.get(i));
        }
    }

    private static List<String> list(Map<String, String> f, String key) {
        List<String> out = new ArrayList<>();
        for (int i = 0; f.containsKey(key + i); i++) {
            out.add(f.get(key + i));
        }
        return out;
    }
}
