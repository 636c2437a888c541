package id.kanal.channels.twilio;

import java.util.Optional;

/**
 * A Twilio Content template reference as the outbox stores it ({@code OutboundMessage.template}):
 * the ContentSid, then optionally whitespace and the ContentVariables JSON, e.g.
 * {@code HX0123... {"1":"TNG-000042","2":"selesai"}}
 * (https://www.twilio.com/docs/content/send-templates-created-with-the-content-template-builder).
 */
record ContentTemplate(String sid, Optional<String> variables) {
    static ContentTemplate parse(String template) {
        String t = template.strip();
        int space = indexOfWhitespace(t);
        return space < 0 ? new ContentTemplate(t, Optional.empty())
                : new ContentTemplate(t.substring(0, space), Optional.of(t.substring(space).strip()).filter(v -> !v.isEmpty()));
    }

    /** A one-variable template carrying a whole message as {@code {{1}}}. */
    static ContentTemplate withText(String sid, String text) {
        return new ContentTemplate(sid, Optional.of("{\"1\":" + json(text) + "}"));
    }

    private static int indexOfWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    static String json(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
