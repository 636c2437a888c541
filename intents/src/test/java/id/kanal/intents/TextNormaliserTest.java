package id.kanal.intents;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextNormaliserTest {
    private static final TextNormaliser NORMALISER = TextNormaliser.builtIn();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Tolonggg gorong2 dpn rmh sy mampet!!|tolong gorong-gorong depan rumah saya mampet",
            "HRG CABE BRP?|harga cabai berapa",
            "skrg udh tdk ada|sekarang sudah tidak ada",
            "yg dgn jln|yang dengan jalan",
            "tlg knp gmn|tolong kenapa bagaimana",
            "migor brp|minyak goreng berapa",
            "sampahhhh numpuk|sampah menumpuk",
            "halooo  min|halo admin",
            "pasar-anyar|pasar anyar",
            "TNG-004512|tng-004512",
            "masing-masing|masing-masing",
            "jalan2 ke psr|jalan-jalan ke pasar",
            "beras 10kg|beras 10kg",
    })
    void normalise_smsSpeak_becomesPlainWords(String input, String expected) {
        assertEquals(expected, NORMALISER.normalise(input));
    }

    @Test
    void normalise_nullBlankAndSymbols_giveEmpty() {
        assertEquals("", NORMALISER.normalise(null));
        assertEquals("", NORMALISER.normalise("   \t\n"));
        assertEquals("", NORMALISER.normalise("?!... \uD83D\uDE00"));
    }

    @Test
    void normalise_veryLongText_isCut() {
        String text = "sampah ".repeat(2_000);
        assertTrue(NORMALISER.tokens(text).size() <= TextNormaliser.MAX_CHARS / 2);
    }

    @Test
    void normalise_externalLexicon_fillsWordsTheProjectListLacks() throws Exception {
        String csv = "slang,formal,In-dictionary,context,category1,category2,category3\n"
                + "woww,wow,1,wow,elongasi,0,0\n"
                + "gmn,gimana-salah,1,\"a, quoted, context\",abreviasi,0,0\n"
                + "netaas,menetas,1,\"Met hari netaas kak!?\",afiksasi,elongasi,0\n";
        SlangLexicon lexicon = SlangLexicon.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
        TextNormaliser withLexicon = TextNormaliser.withLexicon(lexicon);
        // The project's own list wins where both know a word ("gmn").
        assertEquals(List.of("bagaimana", "menetas", "wow"), withLexicon.tokens("gmn netaas woww"));
        assertEquals(3, lexicon.size());
    }

    @Test
    void builtInSlang_hasTheIssueAbbreviations() {
        SlangLexicon slang = SlangLexicon.builtIn();
        for (String word : List.of("yg", "gmn", "brp", "hrg", "skrg", "udh", "tdk", "dgn", "jln", "tlg", "knp")) {
            assertTrue(slang.lookup(word).isPresent(), word);
        }
    }
}
