package id.kanal.dialog;

/**
 * What a channel adapter hands a verified, parsed message to. The answer is durable before it
 * returns: the inbound record, the new conversation state and the transcript are committed.
 * A message whose provider id was seen before gets the first answer again and changes nothing.
 */
@FunctionalInterface
public interface InboundHandler {
    Reply handle(InboundMessage message);
}
