package id.kanal.dialog.port;

import id.kanal.dialog.Address;

import java.time.Instant;
import java.util.Optional;

/**
 * Questions Kanal asks residents after the fact ("was it fixed?", "how was the agent?") and
 * their answers. A resident is one person across their channels (as for STOP).
 */
public interface ResidentQuestions {
    /** The newest question the resident has not answered, asked at or after {@code since}. */
    Optional<PendingQuestion> pending(Address resident, Instant since);

    /** Records the answer; false when the question was answered already (the first answer counts). */
    boolean answer(PendingQuestion question, int answer, Instant now);

    /** Records that the resident was asked to rate the agent who just handed their conversation back. */
    void askAgentRating(Address resident, String agent, Instant now);

    /** No questions (tests, and servers without a database). */
    static ResidentQuestions none() {
        return new ResidentQuestions() {
            @Override
            public Optional<PendingQuestion> pending(Address resident, Instant since) {
                return Optional.empty();
            }

            @Override
            public boolean answer(PendingQuestion question, int answer, Instant now) {
                return false;
            }

            @Override
            public void askAgentRating(Address resident, String agent, Instant now) {
            }
        };
    }
}
