package id.kanal.channels.web;

/** A provider request Kanal cannot read: answered 400 and logged, never retried into a 500. */
public class MalformedRequestException extends ClientErrorException {
    public MalformedRequestException(String message) {
        super(400, message);
    }
}
