package id.kanal.dialog;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A region's own wording over the built-in texts: only known keys, only their own placeholders. */
class TextsRewordedTest {
    private final Texts builtIn = Texts.builtIn();

    @Test
    void rewordsOnlyTheGivenKeyAndLanguage() {
        Texts region = builtIn.reworded(Map.of(Language.ID, Map.of("thanks", "Sama-sama, salam dari Kabupaten.")));
        assertEquals("Sama-sama, salam dari Kabupaten.", region.get(Language.ID, "thanks"));
        assertEquals(builtIn.get(Language.EN, "thanks"), region.get(Language.EN, "thanks"));
        assertEquals(builtIn.get(Language.ID, "help"), region.get(Language.ID, "help"));
        assertSame(builtIn, builtIn.reworded(Map.of()));
    }

    @Test
    void keepsPlaceholdersTheTextHas() {
        Texts region = builtIn.reworded(Map.of(Language.ID, Map.of("stop.confirmed", "Berhenti. Layanan {region}.")));
        assertEquals("Berhenti. Layanan Kab.", region.get(Language.ID, "stop.confirmed", Map.of("region", "Kab")));
    }

    @Test
    void unknownKey_refusedWithItsName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> builtIn.reworded(Map.of(Language.ID, Map.of("thanx", "x"))));
        assertTrue(e.getMessage().contains("wording.id.thanx"), e.getMessage());
    }

    @Test
    void placeholderTheTextDoesNotHave_refused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> builtIn.reworded(Map.of(Language.EN, Map.of("thanks", "Thanks, {name}."))));
        assertTrue(e.getMessage().contains("{name}"), e.getMessage());
    }
}
