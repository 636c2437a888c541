package id.kanal.dialog;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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

    public static String encode(State state) {
        Map<String, String> f = new LinkedHashMap<>();
        switch (state) {
            case State.Menu m -> f.put("type", "menu");
            case State.ChoosingCategory s -> draft(f, "choosing-category", s.draft());
            case State.AskingLocation s -> draft(f, "asking-location", s.draft());
            case State.AskingDescription s -> draft(f, "asking-description", s.draft());
            case State.Confirming s -> draft(f, "confirming", s.draft());
            case State.AskingTicket s -> f.put("type", "asking-ticket");
            case State.ChoosingLanguage s -> f.put("type", "choosing-language");
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

    private static void draft(Map<String, String> f, String type, ComplaintDraft d) {
        f.put("type", type);
        d.categoryCode().ifPresent(v -> f.put("category", v));
        d.location().ifPresent(v -> f.put("location", v));
        d.description().ifPresent(v -> f.put("description", v));
        d.point().ifPresent(p -> f.put("point", p.latitude() + "," + p.longitude()));
        for (int i = 0; i < d.photos().size(); i++) {
            f.put("photo" + i, d.photos().get(i).contentType() + " " + d.photos().get(i).url());
        }
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
                case "asking-ticket" -> new State.AskingTicket();
                case "choosing-language" -> new State.ChoosingLanguage();
                default -> State.MENU;
            };
        } catch (RuntimeException e) {
            return State.MENU;
        }
    }

    private static ComplaintDraft draft(Map<String, String> f) {
        Optional<GeoPoint> point = Optional.ofNullable(f.get("point")).map(p -> {
            String[] ll = p.split(",");
            return new GeoPoint(Double.parseDouble(ll[0]), Double.parseDouble(ll[1]));
        });
        List<Media> photos = new ArrayList<>();
        for (int i = 0; f.containsKey("photo" + i); i++) {
            String v = f.get("photo" + i);
            int sp = v.indexOf(' ');
            photos.add(new Media(v.substring(sp + 1), v.substring(0, sp)));
        }
        return new ComplaintDraft(Optional.ofNullable(f.get("category")), Optional.ofNullable(f.get("location")),
                Optional.ofNullable(f.get("description")), point, photos);
    }
}
