package id.kanal.dialog.port;

import id.kanal.dialog.Language;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A content pack: a service a region adds as content, not code (jobs, tourist places, permits,
 * important numbers). Its menu entry and wording come in every {@link Language}; its items are
 * rows of named fields that the item template shows.
 *
 * @param code    the pack's name in its region ("lowongan-kerja"); its intent is {@link #intent()}
 * @param menu    the menu entry, short ("Lowongan kerja")
 * @param heading the first line of an answer ("Lowongan kerja (data contoh):")
 * @param item    how one item reads, fields as {@code {column}} ("{posisi} - {perusahaan}")
 * @param words   words that name the pack ("loker", "lowongan"): not search terms within it
 * @param search  the fields a resident's words are looked for in
 * @param expires a date field (ISO {@code yyyy-MM-dd}): an item is never shown after that day
 * @param items   the items, each its fields by column name
 */
public record Pack(String code, Map<Language, String> menu, Map<Language, String> heading, Map<Language, String> item,
                   List<String> words, List<String> search, Optional<String> expires, List<Map<String, String>> items) {
    /** Intent names of packs start with this; the rest is the pack's code. */
    public static final String INTENT_PREFIX = "pack.";

    public Pack {
        Objects.requireNonNull(code, "code");
        menu = Map.copyOf(menu);
        heading = Map.copyOf(heading);
        item = Map.copyOf(item);
        for (Language language : Language.values()) {
            for (Map<Language, String> text : List.of(menu, heading, item)) {
                if (!text.containsKey(language)) {
                    throw new IllegalArgumentException("pack " + code + " has no text in " + language);
                }
            }
        }
        words = List.copyOf(words);
        search = List.copyOf(search);
        Objects.requireNonNull(expires, "expires");
        items = items.stream().map(Map::copyOf).toList();
    }

    /** The intent the classifier gives messages about this pack ({@code pack.lowongan-kerja}). */
    public String intent() {
        return INTENT_PREFIX + code;
    }

    /** The pack code an intent name stands for, when it is a pack's. */
    public static Optional<String> codeOf(String intent) {
        return intent.startsWith(INTENT_PREFIX) ? Optional.of(intent.substring(INTENT_PREFIX.length())) : Optional.empty();
    }
}
