package id.kanal.app.packs;

import id.kanal.dialog.Language;
import id.kanal.dialog.port.Pack;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A pack's {@code pack.yaml}, read and checked: everything of a {@link Pack} but its items, plus
 * what the classifier learns from and is checked on.
 *
 * @param example  true when the items are made up (the project's example packs), shown as such in the console
 * @param training example sentences per language; with {@code words}, the pack intent's training data
 * @param heldOut  sentences never trained on, for the held-out evaluation
 */
public record PackDefinition(String code, boolean example, Map<Language, String> menu, Map<Language, String> heading,
                             Map<Language, String> item, List<String> words, List<String> search,
                             Optional<String> expires, Map<Language, List<String>> training,
                             Map<Language, List<String>> heldOut) {
    public PackDefinition {
        Objects.requireNonNull(code, "code");
        menu = Map.copyOf(menu);
        heading = Map.copyOf(heading);
        item = Map.copyOf(item);
        words = List.copyOf(words);
        search = List.copyOf(search);
        Objects.requireNonNull(expires, "expires");
        training = Map.copyOf(training);
        heldOut = Map.copyOf(heldOut);
    }

    /** The dialog's view of the pack, with its items. */
    public Pack withItems(List<Map<String, String>> items) {
        return new Pack(code, menu, heading, item, words, search, expires, items);
    }

    /** The pack's intent name ({@code pack.<code>}). */
    public String intent() {
        return Pack.INTENT_PREFIX + code;
    }
}
