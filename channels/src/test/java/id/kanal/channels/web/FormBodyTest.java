package id.kanal.channels.web;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FormBodyTest {
    @Test
    void parse_readsPairsInOrder_firstValueWins() {
        FormBody form = FormBody.parse("Body=Halo+dunia%21&From=%2B62811&To=&NumMedia=0&Body=second");
        assertEquals(List.of("Body", "From", "To", "NumMedia"), List.copyOf(form.fields().keySet()));
        assertEquals(Map.of("Body", "Halo dunia!", "From", "+62811", "To", "", "NumMedia", "0"), form.fields());
    }

    @Test
    void parse_oddShapes() {
        assertEquals(Map.of(), FormBody.parse("").fields());
        assertEquals(Map.of(), FormBody.parse("&&&").fields());
        assertEquals(Map.of("a", "", "b", "1"), FormBody.parse("&a&&b=1&").fields());
        assertEquals(Map.of("", "x", "k", "v=w"), FormBody.parse("=x&k=v=w").fields());
        assertEquals(Map.of("nama", "café"), FormBody.parse("nama=caf%C3%A9").fields());
    }

    @Test
    void parse_badEscape_isACallerError() {
        assertThrows(MalformedRequestException.class, () -> FormBody.parse("a=%zz"));
    }
}
