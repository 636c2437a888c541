package id.kanal.app;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CommandOptionsTest {
    @Test
    void pairs_byOptionName() {
        assertEquals(Map.of("seconds", "20", "url", "http://localhost:8080"),
                CommandOptions.of(new String[] {"--seconds", "20", "--url", "http://localhost:8080"}));
        assertEquals(Map.of(), CommandOptions.of(new String[0]));
    }

    @Test
    void aWordThatIsNoOption_orAnOptionWithoutItsValue_isRefused() {
        assertEquals("expected --option value, got seconds", assertThrows(IllegalArgumentException.class,
                () -> CommandOptions.of(new String[] {"seconds", "20"})).getMessage());
        assertEquals("expected --option value, got --seconds", assertThrows(IllegalArgumentException.class,
                () -> CommandOptions.of(new String[] {"--rate", "100", "--seconds"})).getMessage());
    }
}
