package id.kanal.channels.web;

import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import id.kanal.dialog.Language;
import id.kanal.dialog.Texts;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AdapterTextsTest {
    private static final Address RESIDENT = new Address(Channel.SMS, "+6281234567890");
    private static final Texts TEXTS = Texts.builtIn();

    @Test
    void apology_knownLanguage_inThatLanguage() {
        AdapterTexts texts = new AdapterTexts(TEXTS, a -> Optional.of(Language.EN));
        assertEquals(TEXTS.get(Language.EN, "unavailable"), texts.apology(RESIDENT));
    }

    @Test
    void apology_unknownLanguage_indonesian() {
        assertEquals(TEXTS.get(Language.ID, "unavailable"), AdapterTexts.builtIn().apology(RESIDENT));
    }

    @Test
    void apology_languageLookupFails_stillApologises() {
        // The database being down is the usual reason for the apology; its lookup must not stop it.
        AdapterTexts texts = new AdapterTexts(TEXTS, a -> {
            throw new IllegalStateException("database down");
        });
        assertEquals(TEXTS.get(Language.ID, "unavailable"), texts.apology(RESIDENT));
    }

    @Test
    void inEveryLanguage_indonesianFirst() {
        assertEquals(TEXTS.get(Language.ID, "telegram.linked") + "\n" + TEXTS.get(Language.EN, "telegram.linked"),
                AdapterTexts.builtIn().inEveryLanguage("telegram.linked"));
    }
}
