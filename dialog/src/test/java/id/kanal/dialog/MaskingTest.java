package id.kanal.dialog;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MaskingTest {
    @Test
    void maskNumbersIn_masksEveryPhoneNumberAndLeavesCodesAndShortNumbers() {
        assertEquals("The 'To' number +6281******890 is not a valid phone number. (21211)",
                Masking.maskNumbersIn("The 'To' number +6281234567890 is not a valid phone number. (21211)"));
        assertEquals("to 08123****890 and 62812*****890", Masking.maskNumbersIn("to 081234567890 and 6281234567890"));
        assertEquals("error 63016 at 2026-12-04, ticket TNG-000123", Masking.maskNumbersIn("error 63016 at 2026-12-04, ticket TNG-000123"));
    }
}
