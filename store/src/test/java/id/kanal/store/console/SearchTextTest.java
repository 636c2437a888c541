package id.kanal.store.console;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SearchTextTest {
    @Test
    void phoneEnd_lastDigits_domesticAndInternationalForms() {
        assertEquals(Optional.of("%9876"), new SearchText("9876").likePhoneEnd());
        assertEquals(Optional.of("%81234509876"), new SearchText("0812-3450 9876").likePhoneEnd(), "the leading 0 dropped");
        assertEquals(Optional.of("%6281234509876"), new SearchText("+6281234509876").likePhoneEnd());
        assertEquals(Optional.empty(), new SearchText("12").likePhoneEnd(), "too few digits to mean a number");
        assertEquals(Optional.empty(), new SearchText("TNG-000123").likePhoneEnd(), "a ticket is not a number");
    }

    @Test
    void words_lowerCased_wildcardsEscaped_atMostSix() {
        assertEquals(List.of("%sampah%", "%pasar%"), new SearchText("  Sampah   PASAR sampah ").likeWords());
        assertEquals(List.of("%100\\%%", "%a\\_b%", "%c\\\\d%"), new SearchText("100% a_b c\\d").likeWords());
        assertEquals(6, new SearchText("a b c d e f g h").likeWords().size());
        assertEquals("LOWER(x) LIKE ? ESCAPE '\\' AND LOWER(x) LIKE ? ESCAPE '\\'", new SearchText("a b").allWordsIn("LOWER(x)"));
        assertEquals("%tng-000123%", new SearchText("TNG-000123").likeTicket());
    }

    @Test
    void emptyOrLong_refused() {
        assertThrows(IllegalArgumentException.class, () -> new SearchText("   "));
        assertThrows(IllegalArgumentException.class, () -> new SearchText("x".repeat(101)));
    }
}
