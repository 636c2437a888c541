package id.kanal.dialog;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WordsTest {
    @Test
    void ticket_anyCaseAndSpacing_isUpperCasedWithDash() {
        assertEquals(Optional.of("TNG-004512"), Words.ticket("status tng-004512"));
        assertEquals(Optional.of("TNG-004512"), Words.ticket("cek TNG004512 dong"));
        assertEquals(Optional.empty(), Words.ticket("TNG-45"));
        assertEquals(Optional.of("KAB-000120"), Words.ticket("kab 000120, 12345 lagi"));
        assertEquals(Optional.empty(), Words.ticket("TNG-00451 2 dan 12345"), "six digits in a row, or no ticket");
    }

    @Test
    void yesNo_indonesianAndEnglish() {
        assertTrue(Words.isYes("Ya"));
        assertTrue(Words.isYes(" ok! "));
        assertTrue(Words.isYes("YES"));
        assertTrue(Words.isNo("tdk"));
        assertFalse(Words.isYes("yayasan"));
    }

    @Test
    void number_wholeMessageOnly() {
        assertEquals(Optional.of(3), Words.number(" 3. "));
        assertEquals(Optional.empty(), Words.number("3 orang"));
    }

    @Test
    void phoneNumbers_normaliseIndonesianForms() {
        assertEquals(Optional.of("+6281234567890"), PhoneNumbers.normalise("081234567890"));
        assertEquals(Optional.of("+6281234567890"), PhoneNumbers.normalise("6281234567890"));
        assertEquals(Optional.of("+6281234567890"), PhoneNumbers.normalise("+62 812-3456-7890"));
        assertEquals(Optional.of("+6281234567890"), PhoneNumbers.normalise("whatsapp:+6281234567890"));
        assertEquals(Optional.empty(), PhoneNumbers.normalise("hello"));
        assertEquals(Optional.empty(), PhoneNumbers.normalise("12"));
        // The simulator's residents are out of every provider's reach: no number normalises into them.
        assertEquals(Optional.empty(), PhoneNumbers.normalise(Address.SIMULATED_PREFIX + "+6281234567890"));
        assertTrue(Address.simulated(Channel.SMS, "+6281234567890").isSimulated());
        assertFalse(new Address(Channel.SMS, "+6281234567890").isSimulated());
    }

    @Test
    void masking_hidesTheMiddle() {
        assertEquals("+6281******890", Masking.mask("+6281234567890"));
    }
}
