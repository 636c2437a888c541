package id.kanal.services.complaints;

import java.util.Optional;

/**
 * The image formats Kanal keeps, told by the bytes' own signature: a provider's content type is
 * what the sender's phone claimed, and a file that only says it is an image is not kept.
 */
public enum ImageType {
    JPEG("image/jpeg"), PNG("image/png"), GIF("image/gif"), WEBP("image/webp");

    private final String contentType;

    ImageType(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }

    /** The format whose signature starts {@code bytes}, if it is one of these. */
    public static Optional<ImageType> of(byte[] b) {
        if (starts(b, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (starts(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (starts(b, 'G', 'I', 'F', '8') && b.length > 5 && (b[4] == '7' || b[4] == '9') && b[5] == 'a') {
            return Optional.of(GIF);
        }
        // RIFF, a 4-byte length, then WEBP.
        if (starts(b, 'R', 'I', 'F', 'F') && b.length >= 12 && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }

    private static boolean starts(byte[] b, int... signature) {
        if (b.length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((b[i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
