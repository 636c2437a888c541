package id.kanal.dialog;

import java.util.Objects;

/**
 * What one turn decided: the conversation afterwards and the reply.
 *
 * @param understood false when the message could not be read in its state (counts toward offering an agent)
 */
record Outcome(Conversation conversation, Reply reply, boolean understood) {
    Outcome {
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(reply, "reply");
    }

    static Outcome of(Conversation conversation, Reply reply) {
        return new Outcome(conversation, reply, true);
    }

    static Outcome misunderstood(Conversation conversation, Reply reply) {
        return new Outcome(conversation, reply, false);
    }
}
