package id.kanal.dialog.port;

import id.kanal.dialog.Conversation;
import id.kanal.dialog.InboundMessage;
import id.kanal.dialog.Reply;

import java.util.Objects;

/** One handled message: what came in, the conversation after it, and the reply. */
public record Turn(InboundMessage inbound, Conversation conversation, Reply reply) {
    public Turn {
        Objects.requireNonNull(inbound, "inbound");
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(reply, "reply");
        if (!inbound.from().equals(conversation.resident())) {
            // A message is recorded with its sender's turn, where a provider's retry looks for it.
            throw new IllegalArgumentException("a turn's conversation is its sender's: " + conversation.resident().channel().id()
                    + " conversation for a message from " + inbound.channel().id());
        }
    }
}
