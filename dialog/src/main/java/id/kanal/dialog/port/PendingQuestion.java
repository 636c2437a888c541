package id.kanal.dialog.port;

import id.kanal.dialog.Address;

import java.time.Instant;
import java.util.Objects;

/**
 * A question Kanal asked a resident on its own initiative and still waits an answer to.
 *
 * @param id       the question's id, to record its answer
 * @param kind     what was asked
 * @param subject  the ticket ({@link Kind#FIXED}) or the agent's username ({@link Kind#AGENT})
 * @param reporter for {@link Kind#FIXED}, the complaint's reporter as filed (a "2" reopens the
 *                 complaint as them, whichever of their channels the answer came on)
 * @param askedAt  when it was asked
 */
public record PendingQuestion(String id, Kind kind, String subject, Address reporter, Instant askedAt) {
    /** The questions Kanal asks. */
    public enum Kind {
        /** "Apakah masalahnya sudah beres? 1 Sudah 2 Belum", after a complaint is resolved. */
        FIXED,
        /** "How was the agent? 1-5", after an agent hands the conversation back. */
        AGENT;

        /** The storage name ("fixed", "agent"). */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public PendingQuestion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(reporter, "reporter");
        Objects.requireNonNull(askedAt, "askedAt");
    }
}
