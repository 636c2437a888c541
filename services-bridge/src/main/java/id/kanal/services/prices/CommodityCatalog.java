package id.kanal.services.prices;

import id.kanal.dialog.port.Commodity;
import id.kanal.services.CsvReader;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The canonical commodity names Kanal answers with, their units and synonyms, and the names
 * feeds use for them ("Cabai Rawit Merah" in the Badan Pangan Nasional CSV is "cabai rawit"),
 * so that a national feed and a city's market survey land on the same commodity. A name not in
 * the catalog is kept as the feed writes it, lower-cased.
 */
public final class CommodityCatalog {
    /** Compiled once: {@link #key} runs for every price question, not only at import. */
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final Map<String, Commodity> byName;
    private final Map<String, String> aliases;

    private CommodityCatalog(Map<String, Commodity> byName, Map<String, String> aliases) {
        this.byName = byName;
        this.aliases = aliases;
    }

    /** The catalog shipped in {@code prices/commodities.csv} ({@code name,unit,synonyms,feed_names}, "|" between). */
    public static CommodityCatalog builtIn() {
        var in = CommodityCatalog.class.getResourceAsStream("/prices/commodities.csv");
        Objects.requireNonNull(in, "classpath resource prices/commodities.csv");
        return read(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    static CommodityCatalog read(Reader reader) {
        Map<String, Commodity> byName = new LinkedHashMap<>();
        Map<String, String> aliases = new HashMap<>();
        try (CsvReader csv = CsvReader.open(reader)) {
            for (List<String> r = csv.next(); r != null; r = csv.next()) {
                String name = key(r.get(0));
                List<String> synonyms = split(r.get(2));
                byName.put(name, new Commodity(name, r.get(1).trim(), synonyms));
                aliases.put(name, name);
                synonyms.forEach(s -> aliases.putIfAbsent(key(s), name));
                split(r.get(3)).forEach(s -> aliases.put(key(s), name));
            }
        }
        return new CommodityCatalog(Map.copyOf(byName), Map.copyOf(aliases));
    }

    private static List<String> split(String field) {
        return field.isBlank() ? List.of()
                : Arrays.stream(field.split("\\|")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** Lower case, single spaces: the form names are stored and compared in. */
    static String key(String name) {
        return SPACES.matcher(name.trim().toLowerCase(Locale.ROOT)).replaceAll(" ");
    }

    /** The canonical name for a feed's or a resident's name of a commodity. */
    public String canonical(String name) {
        String k = key(name);
        return aliases.getOrDefault(k, k);
    }

    public Optional<Commodity> find(String canonicalName) {
        return Optional.ofNullable(byName.get(canonicalName));
    }

    /** Synonyms for a canonical name (empty when the catalog does not know it). */
    public List<String> synonyms(String canonicalName) {
        Commodity c = byName.get(canonicalName);
        return c == null ? List.of() : new ArrayList<>(c.synonyms());
    }
}
