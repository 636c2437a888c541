package id.kanal.channels.smpp;

/** A PDU Kanal cannot read: answered with an error status and logged, never a crash. */
final class MalformedPduException extends RuntimeException {
    MalformedPduException(String message) {
        super(message);
    }
}
