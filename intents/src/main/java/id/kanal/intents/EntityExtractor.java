package id.kanal.intents;

import id.kanal.dialog.port.Category;
import id.kanal.dialog.port.Commodity;
import id.kanal.dialog.port.Stop;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the entities of a message: {@code ticket}, {@code commodity}, {@code market},
 * {@code from}/{@code to}/{@code stop}, {@code category} and {@code location} (the place a
 * complaint names, see {@link PlaceFinder}; {@code location_guess} is "true" when it is a guess). Stops: "dari X ke Y" and "from X
 * to Y" give {@code from} and {@code to}; "di halte X", "stasiun X", "at X station" and a lone
 * "dari X" give {@code stop}; a lone "ke X" gives {@code to} only when the timetable knows X.
 * A stop is the timetable's name when it knows the span, else the span as written (normalised).
 * {@code category} is the category code; {@code commodity} and {@code market} the board's names. Names come from the current
 * {@link Vocabulary} (re-indexed whenever the supplier hands out a new one) and stops from a
 * {@link StopFinder}, so new feeds need no retraining. Thread-safe.
 */
public final class EntityExtractor {
    /** Any region's ticket code: 2-5 letters, a dash, 6 digits ("TNG-004512", "tng-004512"). */
    private static final Pattern TICKET = Pattern.compile("(?<![\\p{L}\\p{Nd}])(\\p{L}{2,5})-(\\d{6})(?!\\d)");
    private static final Pattern FROM_TO_ID = Pattern.compile("\\bdari (.+?) (?:ke|menuju|sampai|tujuan|arah) (.+)");
    private static final Pattern FROM_TO_EN = Pattern.compile("\\bfrom (.+?) (?:to|towards) (.+)");
    private static final Pattern FROM_ONLY = Pattern.compile("\\b(?:dari|from) (.+)");
    private static final Pattern TO_ONLY = Pattern.compile("\\b(?:ke|menuju|to|arah) (.+)");
    private static final Pattern AT_STOP = Pattern.compile(
            "\\b((?:stasiun|halte|terminal|station|st) .+)");
    private static final Pattern AT_EN = Pattern.compile("\\bat (.+?) (?:station|stop|terminal)\\b");
    /** Each stop pattern above starts with one of these words and its space: a text with none matches none of them. */
    private static final List<String> STOP_CUES = List.of("dari ", "from ", "ke ", "menuju ", "to ", "arah ",
            "stasiun ", "halte ", "terminal ", "station ", "st ", "at ");
    private static final int MAX_STOP_WORDS = 4;
    /** Words that end a stop name: times, vehicles, question words ("dari poris ke duri jam brp"). */
    private static final Set<String> SPAN_END = Set.of(
            "jam", "pukul", "besok", "hari", "sekarang", "kapan", "berangkat", "berapa", "kereta", "krl", "bus",
            "bis", "busway", "yang", "yg", "paling", "terakhir", "pertama", "selanjutnya", "berikutnya", "nanti",
            "pagi", "siang", "sore", "malam", "ini", "dong", "ya", "min", "kak", "gan", "at", "tomorrow", "today",
            "now", "when", "next", "please", "tonight", "morning", "evening", "afternoon", "leave", "leaves",
            "depart", "departs", "departure", "is", "are", "train", "naik", "lewat", "via", "transjakarta", "apa",
            "ada", "gak", "tidak", "mau", "ke", "dari", "to", "from", "jadwal", "schedule", "tolong", "sih",
            "nih", "untuk", "for", "on", "in", "di", "and", "dan", "tiba", "sampai", "arrive", "what", "time",
            "kah", "admin", "kakak", "juragan");

    private final TextNormaliser normaliser;
    private final Supplier<Vocabulary> vocabulary;
    private final Optional<StopFinder> stopFinder;
    private final PlaceFinder places;
    private volatile Index index;

    /**
     * @param stopFinder the timetable's stop search; when empty, the vocabulary's own stops
     */
    public EntityExtractor(TextNormaliser normaliser, Supplier<Vocabulary> vocabulary, Optional<StopFinder> stopFinder) {
        this.normaliser = Objects.requireNonNull(normaliser, "normaliser");
        this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
        this.stopFinder = Objects.requireNonNull(stopFinder, "stopFinder");
        this.places = new PlaceFinder(normaliser);
    }

    /** The entities of {@code raw}, whose normalised words are {@code tokens}. */
    public Map<String, String> extract(String raw, List<String> tokens) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null) {
            return out;
        }
        String cut = raw.length() > TextNormaliser.MAX_CHARS ? raw.substring(0, TextNormaliser.MAX_CHARS) : raw;
        Matcher ticket = cut.indexOf('-') < 0 ? null : TICKET.matcher(cut); // a code has its dash
        if (ticket != null && ticket.find()) {
            out.put("ticket", (ticket.group(1) + "-" + ticket.group(2)).toUpperCase(Locale.ROOT));
        }
        if (tokens.isEmpty()) {
            return out;
        }
        Index idx = index();
        idx.commodities.longest(tokens).ifPresent(v -> out.put("commodity", v));
        idx.markets.longest(tokens).ifPresent(v -> out.put("market", v));
        stops(String.join(" ", tokens), idx, out);
        Optional<String> category = idx.categories.longest(tokens);
        // A place is a complaint's location in a message that names a problem, or a sure place
        // (a street, an RT, a market) in one that asks for no price or departure: "mau ke pasar
        // beli sayur" names none. The category then comes from the words outside the place:
        // "di jalan merdeka lampunya mati" is a street light, not a road.
        Optional<PlaceFinder.Place> place = (PlaceFinder.mayName(tokens)
                ? places.find(cut, name -> knownPlace(name, idx), idx.problemWords) : Optional.<PlaceFinder.Place>empty())
                .filter(p -> category.isPresent() || !p.guess() && out.isEmpty());
        if (place.isPresent()) {
            PlaceFinder.Place p = place.get();
            out.put("location", p.text());
            if (p.guess()) {
                out.put("location_guess", "true");
            }
        }
        place.flatMap(p -> idx.categories.longest(normaliser.tokens(cut.substring(0, p.begin()) + " " + cut.substring(p.end()))))
                .or(() -> category).ifPresent(c -> out.put("category", c));
        return out;
    }

    /** A market or stop Kanal knows by exactly these (normalised) words, by its own name. */
    private Optional<String> knownPlace(String words, Index idx) {
        Optional<String> market = idx.markets.lookup(words);
        if (market.isPresent() || !StopFinder.KIND_WORDS.contains(words.split(" ")[0])) {
            return market;
        }
        try {
            return stopFinder.orElse(idx.builtInStops).find(words, 1).stream().map(Stop::name)
                    .filter(name -> normaliser.normalise(name).equals(words)).findFirst();
        } catch (RuntimeException e) {
            return Optional.empty(); // a timetable outage leaves the resident's words
        }
    }

    /** Convenience for tests and the command line. */
    public Map<String, String> extract(String raw) {
        return extract(raw, normaliser.tokens(raw));
    }

    private void stops(String text, Index idx, Map<String, String> out) {
        if (!mayNameAStop(text)) {
            return; // most messages: six regular expressions that could not match
        }
        Matcher m = FROM_TO_ID.matcher(text);
        if (!m.find()) {
            m = FROM_TO_EN.matcher(text);
            if (!m.find()) {
                m = null;
            }
        }
        if (m != null) {
            String from = span(m.group(1));
            String to = span(m.group(2));
            if (!from.isEmpty() && !to.isEmpty()) {
                out.put("from", canonical(from, idx).orElse(from));
                out.put("to", canonical(to, idx).orElse(to));
                return;
            }
        }
        Optional<String> at = firstSpan(AT_STOP, text, EntityExtractor::spanKeepingKind)
                .or(() -> firstSpan(AT_EN, text, EntityExtractor::span));
        if (at.isPresent()) {
            out.put("stop", canonical(at.get(), idx).orElse(at.get()));
            return;
        }
        // One end only: the dialog treats it as the stop to leave from.
        Optional<String> from = firstSpan(FROM_ONLY, text, EntityExtractor::span).flatMap(s -> canonical(s, idx));
        if (from.isPresent()) {
            out.put("stop", from.get());
            return;
        }
        Matcher to = TO_ONLY.matcher(text);
        while (to.find()) {
            // "ke" is everywhere in Indonesian ("mau ke pasar"): only a stop the timetable knows counts.
            String s = span(to.group(1));
            Optional<String> known = s.isEmpty() ? Optional.empty() : canonical(s, idx);
            if (known.isPresent()) {
                out.put("to", known.get());
                return;
            }
        }
    }

    private static boolean mayNameAStop(String text) {
        for (String cue : STOP_CUES) {
            if (text.contains(cue)) {
                return true;
            }
        }
        return false;
    }

    /** The stop words of the first match's group 1 ({@code cut} takes them), unless there are none. */
    private static Optional<String> firstSpan(Pattern pattern, String text, UnaryOperator<String> cut) {
        Matcher m = pattern.matcher(text);
        return m.find() ? Optional.of(cut.apply(m.group(1))).filter(s -> !s.isEmpty()) : Optional.empty();
    }

    /** The words of a stop name up to the first word that cannot be part of one. */
    private static String span(String text) {
        StringBuilder sb = new StringBuilder();
        int n = 0;
        for (String w : text.split(" ")) {
            if (w.isEmpty()) {
                continue;
            }
            if (SPAN_END.contains(w) || n == MAX_STOP_WORDS) {
                break;
            }
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(w);
            n++;
        }
        return sb.toString();
    }

    private static String spanKeepingKind(String text) {
        int space = text.indexOf(' ');
        String rest = span(text.substring(space + 1));
        return rest.isEmpty() ? "" : text.substring(0, space) + " " + rest;
    }

    /** The timetable's name for a span, trying shorter spans from the end ("poris plawad sore" finds "poris plawad"). */
    private Optional<String> canonical(String span, Index idx) {
        StopFinder finder = stopFinder.orElse(idx.builtInStops);
        String[] words = span.split(" ");
        for (int n = words.length; n >= 1; n--) {
            String q = String.join(" ", java.util.Arrays.copyOf(words, n));
            if (n == 1 && StopFinder.KIND_WORDS.contains(q)) {
                break;
            }
            try {
                List<Stop> found = finder.find(q, 1);
                if (!found.isEmpty()) {
                    return Optional.of(found.get(0).name());
                }
            } catch (RuntimeException e) {
                // A timetable outage leaves the raw span: the schedule flow asks again if needed.
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private Index index() {
        Vocabulary v = vocabulary.get();
        Index idx = index;
        if (idx == null || idx.source != v) {
            idx = new Index(v, normaliser);
            index = idx;
        }
        return idx;
    }

    /** Normalised phrases of one vocabulary, matched longest first. */
    private static final class Index {
        final Vocabulary source;
        final Phrases commodities = new Phrases();
        final Phrases markets = new Phrases();
        final Phrases categories = new Phrases();
        final Set<String> problemWords = new java.util.HashSet<>();
        final StopFinder builtInStops;

        Index(Vocabulary v, TextNormaliser normaliser) {
            this.source = v;
            this.builtInStops = StopFinder.of(v.stops(), normaliser);
            indexCommodities(v.commodities(), normaliser);
            for (String market : v.markets()) {
                String name = normaliser.normalise(market);
                markets.put(name, market);
                if (name.startsWith("pasar ")) {
                    String rest = name.substring("pasar ".length());
                    // A bare "lama" or "baru" is an ordinary word: only "di lama" / "lama market" count.
                    markets.put("di " + rest, market);
                    markets.put(rest + " market", market);
                    markets.put(rest + " traditional market", market);
                }
            }
            for (Category c : v.categories()) {
                for (String k : c.keywords()) {
                    categories.putIfAbsent(normaliser.normalise(k), c.code());
                    problemWords.add(normaliser.normalise(k));
                }
                categories.putIfAbsent(normaliser.normalise(c.nameId()), c.code());
            }
        }

        private void indexCommodities(List<Commodity> list, TextNormaliser normaliser) {
            Map<String, String> names = new HashMap<>();
            for (Commodity c : list) {
                names.put(normaliser.normalise(c.name()), c.name());
                commodities.put(normaliser.normalise(c.name()), c.name());
                for (String s : c.synonyms()) {
                    commodities.putIfAbsent(normaliser.normalise(s), c.name());
                }
            }
            // Leading words that name one commodity only: "cabai rawit" for "Cabai Rawit Merah".
            Map<String, List<String>> prefixes = new HashMap<>();
            for (Map.Entry<String, String> e : names.entrySet()) {
                String[] w = e.getKey().split(" ");
                for (int n = 1; n < w.length; n++) {
                    prefixes.computeIfAbsent(String.join(" ", java.util.Arrays.copyOf(w, n)), k -> new ArrayList<>())
                            .add(e.getValue());
                }
            }
            prefixes.forEach((p, owners) -> {
                if (owners.size() == 1) {
                    commodities.putIfAbsent(p, owners.get(0));
                }
            });
            // Built-in aliases (English, regional words) point at a phrase; keep those the vocabulary resolves.
            for (String[] alias : ALIASES) {
                String target = normaliser.normalise(alias[1]);
                commodities.lookup(target).ifPresent(name -> commodities.putIfAbsent(normaliser.normalise(alias[0]), name));
            }
        }
    }

    /** alias -> phrase, from the resource {@code commodity-aliases.csv}. */
    private static final List<String[]> ALIASES = loadAliases();

    private static List<String[]> loadAliases() {
        List<String[]> out = new ArrayList<>();
        try (InputStream in = EntityExtractor.class.getResourceAsStream("/id/kanal/intents/commodity-aliases.csv")) {
            if (in == null) {
                throw new IllegalStateException("missing resource commodity-aliases.csv");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                int comma = line.indexOf(',');
                if (line.isBlank() || line.startsWith("#") || comma < 0) {
                    continue;
                }
                out.add(new String[] {line.substring(0, comma).strip(), line.substring(comma + 1).strip()});
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(out);
    }
}
