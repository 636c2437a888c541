package id.kanal.channels.twilio;

/**
 * The TwiML answer to a Messaging webhook, written by hand: the SDK's builder creates new XML
 * factories per call, too slow for the hot path. Tested to match the SDK's own output.
 */
final class TwiMl {
    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>";

    private TwiMl() {
    }

    static String message(String text) {
        StringBuilder out = new StringBuilder(HEAD.length() + text.length() + 40).append(HEAD).append("<Message>");
        escape(text, out);
        return out.append("</Message></Response>").toString();
    }

    /** An empty response: Twilio sends nothing back. */
    static String empty() {
        return HEAD + "</Response>";
    }

    private static void escape(String text, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        // As the SDK writes them: emoji and other astral characters as references.
                        out.append("&#").append(Character.toCodePoint(c, text.charAt(++i))).append(';');
                        continue;
                    }
                    // XML 1.0 forbids most control characters; a resident's text may hold them.
                    if (c >= 0x20 || c == '\n' || c == '\r' || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
    }
}
