package id.kanal.intents;

import id.kanal.dialog.port.TransitMode;
import id.kanal.dialog.port.Trip;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TripReaderTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "kereta terakhir dari Tangerang ke Duri jam berapa?|tangerang|duri|LAST|RAIL",
            "first train from tangerang to duri|tangerang|duri|FIRST|RAIL",
            "kereta ke Duri dari Tangerang|tangerang|duri|NEXT|RAIL",
            "bus pertama dari poris plawad ke cikokol|poris plawad|cikokol|FIRST|BUS",
            "jadwal di halte Cikokol|halte cikokol|-|NEXT|BUS",
            "departures from pori|pori|-|NEXT|-",
            "ke duri paling akhir|-|duri|LAST|-",
            "Duri|-|-|NEXT|-",
            "kereta atau bus dari poris|poris|-|NEXT|-",
    })
    void read_wordsAsWritten(String text, String from, String to, Trip.Which which, TransitMode mode) {
        assertEquals(new Trip(Optional.ofNullable(from), Optional.ofNullable(to), which, Optional.ofNullable(mode)),
                TripReader.read(text, Map.of()));
    }

    @Test
    void read_stopsTheExtractorFound_winOverTheWords() {
        Trip trip = TripReader.read("kereta terakhir dari tangerang ke duri", Map.of("from", "Tangerang", "to", "Duri"));
        assertEquals(new Trip(Optional.of("Tangerang"), Optional.of("Duri"), Trip.Which.LAST,
                Optional.of(TransitMode.RAIL)), trip);
        assertEquals(Optional.of("Poris Plawad"), TripReader.read("di halte poris", Map.of("stop", "Poris Plawad")).from());
    }

    @Test
    void classifier_readsTheTripWithItsOwnStops() {
        OpenNlpIntentClassifier classifier = Classifiers.DEFAULT;
        String text = "kereta pertama dari tangerang ke duri";
        Trip trip = classifier.trip(text, classifier.classify(text));
        assertEquals(Trip.Which.FIRST, trip.which());
        assertEquals(Optional.of(TransitMode.RAIL), trip.mode());
        assertEquals(Trip.NONE, classifier.trip("harga beras", classifier.classify("harga beras")));
    }
}
