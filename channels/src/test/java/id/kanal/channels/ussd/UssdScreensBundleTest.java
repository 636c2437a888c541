package id.kanal.channels.ussd;

import id.kanal.dialog.Gsm7;
import id.kanal.dialog.Language;
import id.kanal.dialog.Texts;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every text in the bundles, with long values filled in, renders as USSD screens within the gateway's limits. */
class UssdScreensBundleTest {
    @Test
    void everyBundleEntry_rendersAsScreensOfAtMost182Gsm7Characters() {
        Texts texts = Texts.builtIn();
        for (Language language : Language.values()) {
            String more = texts.get(language, "ussd.more");
            for (String key : texts.keys(language)) {
                Map<String, String> values = new HashMap<>();
                // Long values (a 10-line list, a 70-character echo) force paging where a text can page.
                texts.placeholders(language, key).forEach(p -> values.put(p,
                        p.equals("choices") || p.equals("list") ? "10 Pelayanan publik kota\n".repeat(10).strip()
                                : "Jl. Merdeka Raya No. 123 RT 004/RW 011 Kelurahan Sukasari, Kota Tangerang"));
                String text = texts.get(language, key, values);
                if (text.isBlank()) {
                    continue; // a fragment meant to be empty ("no change to report")
                }
                List<String> pages = UssdScreens.pages(text, more);
                for (int page = 0; page < pages.size(); page++) {
                    String screen = UssdScreens.render(pages, page, false, more);
                    assertTrue(screen.length() <= UssdScreens.MAX && Gsm7.isGsm7(screen),
                            language + " " + key + " page " + page + " (" + screen.length() + "): " + screen);
                    assertFalse(screen.substring(4).isBlank(), language + " " + key + " has an empty page");
                }
            }
        }
    }
}
