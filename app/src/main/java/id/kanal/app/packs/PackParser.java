package id.kanal.app.packs;

import id.kanal.dialog.Language;
import id.kanal.services.CsvReader;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.config.Config;
import io.helidon.config.ConfigException;
import io.helidon.config.ConfigSources;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and checks a pack's two files; any fault is a {@link PackImportException} that names the
 * file, the row of {@code items.csv} and what is wrong, so the folder is stored whole or not at all.
 */
public final class PackParser {
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final Pattern FIELD = Pattern.compile("\\{([a-z0-9_]+)}");
    private static final int MIN_TRAINING = 10;

    private PackParser() {
    }

    /** {@code pack.yaml}: its keys, both languages of every text, and training data apart from held-out data. */
    public static PackDefinition definition(String yaml) {
        String file = PackSource.DEFINITION;
        Config c;
        try {
            c = Config.just(ConfigSources.create(yaml, MediaTypes.create("application/x-yaml")));
            c.get("code").asString().orElse("");
        } catch (ConfigException | IllegalStateException e) {
            throw new PackImportException(file, 0, "not YAML: " + e.getMessage());
        }
        String code = c.get("code").asString().orElseThrow(() -> new PackImportException(file, 0, "missing key code"));
        if (!CODE.matcher(code).matches()) {
            throw new PackImportException(file, 0, "code '" + code + "' must be lower-case letters, digits and '-'");
        }
        Map<Language, List<String>> training = lists(c.get("training"));
        Map<Language, List<String>> heldOut = lists(c.get("held-out"));
        int trained = training.values().stream().mapToInt(List::size).sum();
        if (trained < MIN_TRAINING) {
            throw new PackImportException(file, 0, "training has " + trained + " sentences; a pack needs at least "
                    + MIN_TRAINING + " for the classifier to learn it");
        }
        Set<String> seen = new HashSet<>();
        training.values().forEach(list -> list.forEach(t -> seen.add(t.toLowerCase(Locale.ROOT))));
        for (List<String> list : heldOut.values()) {
            for (String t : list) {
                if (seen.contains(t.toLowerCase(Locale.ROOT))) {
                    throw new PackImportException(file, 0, "held-out sentence is also a training sentence: " + t);
                }
            }
        }
        return new PackDefinition(code, c.get("example-data").asBoolean().orElse(false), texts(c, "menu"),
                texts(c, "heading"), texts(c, "item"), c.get("words").asList(String.class).orElse(List.of()),
                c.get("search").asList(String.class).orElse(List.of()), c.get("expires").asString().asOptional(),
                training, heldOut);
    }

    /**
     * {@code items.csv}: a header naming the fields the pack's texts use, then one item a row; every
     * row as wide as the header, the expiry field an ISO date. Rows are numbered as an editor shows them.
     */
    public static List<Map<String, String>> items(String csv, PackDefinition d) {
        String file = PackSource.ITEMS;
        List<Map<String, String>> items = new ArrayList<>();
        try (CsvReader reader = CsvReader.open(new StringReader(csv))) {
            List<String> header = reader.header().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
            if (header.isEmpty() || header.stream().anyMatch(String::isBlank)) {
                throw new PackImportException(file, 1, "the header must name every column");
            }
            Set<String> columns = new HashSet<>(header);
            List<String> used = new ArrayList<>(d.search());
            d.expires().ifPresent(used::add);
            for (String template : d.item().values()) {
                Matcher m = FIELD.matcher(template);
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
            for (String name : used) {
                if (!columns.contains(name)) {
                    throw new PackImportException(file, 1, "no column '" + name + "', which pack.yaml uses; columns: " + header);
                }
            }
            for (List<String> row = reader.next(); row != null; row = reader.next()) {
                int line = reader.rowLine();
                if (row.size() != header.size()) {
                    throw new PackImportException(file, line, "expected " + header.size() + " fields, found " + row.size());
                }
                Map<String, String> item = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    item.put(header.get(i), row.get(i).strip());
                }
                if (item.get(header.getFirst()).isEmpty()) {
                    throw new PackImportException(file, line, "the first field (" + header.getFirst() + ") is empty");
                }
                if (d.expires().isPresent()) {
                    String day = item.get(d.expires().get());
                    try {
                        LocalDate.parse(day);
                    } catch (DateTimeParseException e) {
                        throw new PackImportException(file, line, d.expires().get() + " '" + day
                                + "' is not a date written yyyy-mm-dd");
                    }
                }
                items.add(item);
            }
        } catch (IllegalArgumentException e) {
            throw new PackImportException(file, 0, e.getMessage());
        }
        return items;
    }

    private static Map<Language, String> texts(Config c, String key) {
        Map<Language, String> out = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            String text = c.get(key).get(language.code()).asString().orElseThrow(() ->
                    new PackImportException(PackSource.DEFINITION, 0, "missing key " + key + "." + language.code()));
            if (text.isBlank()) {
                throw new PackImportException(PackSource.DEFINITION, 0, key + "." + language.code() + " is empty");
            }
            out.put(language, text.strip());
        }
        return out;
    }

    private static Map<Language, List<String>> lists(Config c) {
        Map<Language, List<String>> out = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            out.put(language, c.get(language.code()).asList(String.class).orElse(List.of()).stream()
                    .map(String::strip).filter(s -> !s.isEmpty()).toList());
        }
        return out;
    }

}
