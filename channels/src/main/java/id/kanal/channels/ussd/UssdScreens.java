package id.kanal.channels.ussd;

import id.kanal.dialog.Gsm7;

import java.util.ArrayList;
import java.util.List;

/**
 * USSD screens: {@code CON } (wait for input) or {@code END } (close) and at most 182 GSM-7
 * characters in all (https://developers.africastalking.com/docs/ussd/overview). A longer
 * reply is cut into pages at line or word breaks, each but the last ending in the "more"
 * line ({@code 98 Lanjut}); the adapter answers {@code 98} itself.
 */
final class UssdScreens {
    /** The whole answer, prefix included. */
    static final int MAX = 182;
    static final String MORE_INPUT = "98";
    private static final int PREFIX = 4;

    private UssdScreens() {
    }

    /** The reply as GSM-7 text, in pages that fit beside the prefix (and the "more" line on all but the last). */
    static List<String> pages(String text, String moreLine) {
        String t = Gsm7.sanitize(text).strip();
        int whole = MAX - PREFIX;
        if (Gsm7.septets(t) <= whole) {
            return List.of(t);
        }
        int room = whole - 1 - Gsm7.septets(moreLine);
        List<String> pages = new ArrayList<>();
        String rest = t;
        while (Gsm7.septets(rest) > whole) {
            int cut = cutPoint(rest, room);
            pages.add(rest.substring(0, cut).strip());
            rest = rest.substring(cut).strip();
        }
        pages.add(rest);
        return List.copyOf(pages);
    }

    /** One page rendered: prefix, text, and the "more" line when a page follows. */
    static String render(List<String> pages, int page, boolean endsSession, String moreLine) {
        boolean last = page >= pages.size() - 1;
        String body = pages.get(Math.min(page, pages.size() - 1));
        if (!last) {
            return "CON " + body + "\n" + moreLine;
        }
        return (endsSession ? "END " : "CON ") + Gsm7.clip(body, MAX - PREFIX);
    }

    /** A one-page screen. */
    static String screen(String text, boolean end) {
        return (end ? "END " : "CON ") + Gsm7.clip(Gsm7.sanitize(text).strip(), MAX - PREFIX);
    }

    /** Where to cut so the head fits {@code room} septets: the last line break, else the last space. */
    private static int cutPoint(String text, int room) {
        int fits = 0;
        int used = 0;
        while (fits < text.length()) {
            int cost = Gsm7.septets(text.charAt(fits));
            if (used + cost > room) {
                break;
            }
            used += cost;
            fits++;
        }
        int newline = text.lastIndexOf('\n', fits);
        if (newline > room / 2) {
            return newline;
        }
        int space = text.lastIndexOf(' ', fits);
        return space > room / 2 ? space : Math.max(fits, 1);
    }
}
