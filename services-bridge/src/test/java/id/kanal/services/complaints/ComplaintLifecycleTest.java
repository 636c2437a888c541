package id.kanal.services.complaints;

import id.kanal.dialog.port.ComplaintStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static id.kanal.dialog.port.ComplaintStatus.ASSIGNED;
import static id.kanal.dialog.port.ComplaintStatus.IN_PROGRESS;
import static id.kanal.dialog.port.ComplaintStatus.RECEIVED;
import static id.kanal.dialog.port.ComplaintStatus.REJECTED;
import static id.kanal.dialog.port.ComplaintStatus.RESOLVED;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lifecycle table, every pair of statuses. */
class ComplaintLifecycleTest {
    private static final Instant NOW = Instant.parse("2026-11-22T03:00:00Z");
    private static final Set<List<ComplaintStatus>> ALLOWED = Set.of(
            List.of(RECEIVED, ASSIGNED), List.of(RECEIVED, REJECTED),
            List.of(ASSIGNED, IN_PROGRESS), List.of(ASSIGNED, RESOLVED), List.of(ASSIGNED, REJECTED),
            List.of(IN_PROGRESS, RESOLVED), List.of(IN_PROGRESS, REJECTED),
            List.of(RESOLVED, IN_PROGRESS));

    static Stream<Arguments> everyPair() {
        List<Arguments> out = new ArrayList<>();
        for (ComplaintStatus from : ComplaintStatus.values()) {
            for (ComplaintStatus to : ComplaintStatus.values()) {
                out.add(Arguments.of(from, to, ALLOWED.contains(List.of(from, to))));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} -> {1} allowed={2}")
    @MethodSource("everyPair")
    void check_everyPair_followsTheTable(ComplaintStatus from, ComplaintStatus to, boolean allowed) {
        Optional<Instant> resolvedAt = from == RESOLVED ? Optional.of(NOW.minus(Duration.ofDays(1))) : Optional.empty();
        if (allowed) {
            assertDoesNotThrow(() -> ComplaintLifecycle.check("TNG-000001", from, to, "alasan", resolvedAt, NOW));
            assertTrue(ComplaintLifecycle.allowedFrom(from).contains(to));
        } else {
            TransitionRefusedException e = assertThrows(TransitionRefusedException.class,
                    () -> ComplaintLifecycle.check("TNG-000001", from, to, "alasan", resolvedAt, NOW));
            assertTrue(e.getMessage().contains(from + " -> " + to), e.getMessage());
            assertEquals(from, e.from());
        }
    }

    @Test
    void check_rejectWithoutReason_isRefused() {
        TransitionRefusedException e = assertThrows(TransitionRefusedException.class,
                () -> ComplaintLifecycle.check("T", ASSIGNED, REJECTED, "  ", Optional.empty(), NOW));
        assertTrue(e.getMessage().contains("reason"), e.getMessage());
    }

    @Test
    void check_resolvedToInProgressAfter14Days_isAllowedOnTheLastDay() {
        assertDoesNotThrow(() -> ComplaintLifecycle.check("T", RESOLVED, IN_PROGRESS, "",
                Optional.of(NOW.minus(Duration.ofDays(14))), NOW));
    }

    @Test
    void check_resolvedToInProgressAfter15Days_isRefused() {
        TransitionRefusedException e = assertThrows(TransitionRefusedException.class, () -> ComplaintLifecycle.check(
                "T", RESOLVED, IN_PROGRESS, "", Optional.of(NOW.minus(Duration.ofDays(15))), NOW));
        assertTrue(e.getMessage().contains("14 days"), e.getMessage());
    }

    static Stream<Arguments> allowedSets() {
        return Stream.of(
                Arguments.of(RECEIVED, List.of(ASSIGNED, REJECTED)),
                Arguments.of(ASSIGNED, List.of(IN_PROGRESS, RESOLVED, REJECTED)),
                Arguments.of(IN_PROGRESS, List.of(RESOLVED, REJECTED)),
                Arguments.of(RESOLVED, List.of(IN_PROGRESS)),
                Arguments.of(REJECTED, List.of()));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("allowedSets")
    void allowedNow_eachStatus_isItsRowOfTheTableInLifecycleOrder(ComplaintStatus from, List<ComplaintStatus> expected) {
        Optional<Instant> resolvedAt = from == RESOLVED ? Optional.of(NOW.minus(Duration.ofDays(1))) : Optional.empty();
        assertEquals(expected, List.copyOf(ComplaintLifecycle.allowedNow(from, resolvedAt, NOW)));
    }

    @Test
    void allowedNow_resolvedExactly14DaysAgo_canStillBeReopened() {
        assertEquals(Set.of(IN_PROGRESS),
                ComplaintLifecycle.allowedNow(RESOLVED, Optional.of(NOW.minus(Duration.ofDays(14))), NOW));
    }

    @Test
    void allowedNow_resolvedJustOver14DaysAgo_offersNothing() {
        assertEquals(Set.of(), ComplaintLifecycle.allowedNow(RESOLVED,
                Optional.of(NOW.minus(Duration.ofDays(14)).minusMillis(1)), NOW));
    }

    @Test
    void allowedNow_resolved15DaysAgo_offersNothing() {
        assertEquals(Set.of(), ComplaintLifecycle.allowedNow(RESOLVED, Optional.of(NOW.minus(Duration.ofDays(15))), NOW));
    }

    static Stream<Arguments> everyPairAtTheWindowEdges() {
        List<Arguments> out = new ArrayList<>();
        List<Duration> ages = List.of(Duration.ofDays(1), Duration.ofDays(14), Duration.ofDays(14).plusMillis(1),
                Duration.ofDays(15));
        for (ComplaintStatus from : ComplaintStatus.values()) {
            for (ComplaintStatus to : ComplaintStatus.values()) {
                for (Duration age : ages) {
                    out.add(Arguments.of(from, to, age));
                }
            }
        }
        return out.stream();
    }

    /** What a read offers is exactly what a change then accepts: the console relies on it. */
    @ParameterizedTest(name = "{0} -> {1}, resolved {2} ago")
    @MethodSource("everyPairAtTheWindowEdges")
    void allowedNow_agreesWithCheck(ComplaintStatus from, ComplaintStatus to, Duration resolvedAgo) {
        Optional<Instant> resolvedAt = from == RESOLVED ? Optional.of(NOW.minus(resolvedAgo)) : Optional.empty();
        String note = ComplaintLifecycle.needsReason(to) ? "alasan" : "";
        boolean accepted;
        try {
            ComplaintLifecycle.check("T", from, to, note, resolvedAt, NOW);
            accepted = true;
        } catch (TransitionRefusedException e) {
            accepted = false;
        }
        assertEquals(accepted, ComplaintLifecycle.allowedNow(from, resolvedAt, NOW).contains(to));
    }

    @Test
    void needsReason_onlyForRejected() {
        for (ComplaintStatus s : ComplaintStatus.values()) {
            assertEquals(s == REJECTED, ComplaintLifecycle.needsReason(s), s.name());
        }
    }
}
