package id.kanal.services.complaints;

import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import id.kanal.dialog.port.ComplaintStatus;
import id.kanal.dialog.port.FiledComplaint;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static id.kanal.services.complaints.DeskFixture.complaint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Moving a complaint to another agency: the reason kept, its in-step duplicates carried, closed ones refused. */
class ReassignmentTest extends DeskTest {
    private int keys;

    private FiledComplaint file(String category, String location) {
        keys++;
        return desk.file(complaint("k" + keys, new Address(Channel.SMS, "+62812000000" + keys), category, location,
                Optional.empty()));
    }

    private String agencyOf(String ticket) {
        return desk.queries().detail(ticket).orElseThrow().agencyCode();
    }

    @Test
    void reassign_movesTheComplaintAndItsDuplicates_keepsTheStatus_andRecordsWhy() {
        Reassignments moves = new SqlReassignments(db, clock);
        FiledComplaint original = file("sampah", "Jl. Merdeka 12");
        FiledComplaint repeat = file("sampah", "Jl. Merdeka 12");
        assertEquals(Optional.of(original.ticket()), repeat.duplicateOf());
        clock.advance(Duration.ofMinutes(3));

        Reassignment moved = moves.reassign(original.ticket().toLowerCase(), "pupr", " Menutup saluran jalan ", "agent:dewi");
        assertEquals(new Reassignment(original.ticket(), 1, "dlh", "pupr", "Menutup saluran jalan", "agent:dewi",
                clock.millis()), moved);
        assertEquals("pupr", agencyOf(original.ticket()));
        assertEquals("pupr", agencyOf(repeat.ticket()), "the duplicate follows its original");
        assertEquals(ComplaintStatus.ASSIGNED, desk.queries().detail(original.ticket()).orElseThrow().status());
        assertEquals(List.of(moved), moves.of(original.ticket()));

        assertEquals(2, moves.reassign(original.ticket(), "dlh", "Kembali", "agent:dewi").seq());
        assertThrows(IllegalArgumentException.class, () -> moves.reassign(original.ticket(), "dlh", "x", "a"), "already there");
        assertThrows(IllegalArgumentException.class, () -> moves.reassign(original.ticket(), "pupr", " ", "a"), "no reason");
        assertThrows(IllegalArgumentException.class, () -> moves.reassign(original.ticket(), "nasa", "x", "a"));
        assertThrows(ComplaintNotFoundException.class, () -> moves.reassign("TNG-999999", "pupr", "x", "a"));
        desk.changeStatus(original.ticket(), ComplaintStatus.REJECTED, "agent:dewi", "Ganda");
        assertThrows(TransitionRefusedException.class, () -> moves.reassign(original.ticket(), "pupr", "x", "a"));
    }

    @Test
    void reassign_twoSupervisorsAtOnce_oneMoveWins() throws Exception {
        Reassignments moves = new SqlReassignments(db, clock);
        String ticket = file("jalan-rusak", "Jl. Daan Mogot").ticket();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Reassignment>> tries = List.of(
                    pool.submit(() -> moves.reassign(ticket, "dlh", "a", "agent:a")),
                    pool.submit(() -> moves.reassign(ticket, "dlh", "b", "agent:b")));
            int won = 0;
            for (Future<Reassignment> f : tries) {
                try {
                    f.get();
                    won++;
                } catch (java.util.concurrent.ExecutionException e) {
                    // The loser is refused: already with that agency, or changed meanwhile.
                    if (!(e.getCause() instanceof IllegalArgumentException || e.getCause() instanceof TransitionRefusedException
                            || e.getCause() instanceof id.kanal.store.DatabaseException)) {
                        throw e;
                    }
                }
            }
            assertEquals(1, won);
            assertEquals(1, moves.of(ticket).size());
        } finally {
            pool.shutdownNow();
        }
    }
}
