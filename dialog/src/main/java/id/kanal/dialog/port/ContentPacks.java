package id.kanal.dialog.port;

import java.util.List;
import java.util.Optional;

/** The region's content packs, in menu order. Implementations are thread-safe and quick (cached). */
@FunctionalInterface
public interface ContentPacks {
    List<Pack> packs();

    default Optional<Pack> byCode(String code) {
        return packs().stream().filter(p -> p.code().equals(code)).findFirst();
    }

    /** No packs: the menu has only the built-in services. */
    static ContentPacks none() {
        return List::of;
    }
}
