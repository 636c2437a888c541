package id.kanal.dialog;

import id.kanal.dialog.StopPairs.Resolution;
import id.kanal.dialog.port.TransitMode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Joint resolution of both ends on the fake timetable (KRL Tangerang/Poris to Duri, bus Poris Plawad to Cikokol). */
class StopPairsTest {
    private final StopPairs pairs = new StopPairs(new Fakes.Schedules(), 5);

    @Test
    void theOnlyConnectedPair_winsOverAPlainerName() {
        assertEquals(new Resolution.Pair(Fakes.Schedules.PORIS_PLAWAD, Fakes.Schedules.CIKOKOL),
                pairs.resolve("poris", "cikokol", Optional.empty()));
        assertEquals(new Resolution.Pair(Fakes.Schedules.PORIS, Fakes.Schedules.DURI),
                pairs.resolve("pori", "duri", Optional.empty()));
    }

    @Test
    void aModeWord_keepsStopsOfThatMode_andNoConnectedPairIsUnconnected() {
        assertEquals(List.of(Fakes.Schedules.PORIS), pairs.candidates("poris", Optional.of(TransitMode.RAIL)));
        assertEquals(new Resolution.Unconnected(), pairs.resolve("poris", "cikokol", Optional.of(TransitMode.RAIL)));
        // No stop of the mode matches: the mode word does not hide the ones that do.
        assertEquals(List.of(Fakes.Schedules.CIKOKOL), pairs.candidates("cikokol", Optional.of(TransitMode.RAIL)));
    }

    @Test
    void equallyGoodConnectedPairs_askAboutTheEndThatDiffers() {
        // "ri" is in both Poris and Duri, plainly neither: Tangerang reaches both.
        assertEquals(new Resolution.ChooseTo(Fakes.Schedules.TANGERANG, List.of(Fakes.Schedules.PORIS, Fakes.Schedules.DURI)),
                pairs.resolve("tangerang", "ri", Optional.empty()));
        // Tangerang and Poris both reach Duri and neither is named plainly by these words.
        assertEquals(new Resolution.ChooseFrom(List.of(Fakes.Schedules.TANGERANG, Fakes.Schedules.PORIS)),
                pairs.resolve("x", List.of(Fakes.Schedules.TANGERANG, Fakes.Schedules.PORIS), "duri",
                        List.of(Fakes.Schedules.DURI)));
    }

    @Test
    void destinations_fromAnOrigin_preferTheReachedOnes() {
        assertEquals(List.of(Fakes.Schedules.DURI), pairs.destinations("PI", "ri", Optional.empty()));
        // None reached: every match stays (the answer then says there is no direct line).
        assertEquals(List.of(Fakes.Schedules.CIKOKOL), pairs.destinations("TNG", "cikokol", Optional.empty()));
    }
}
