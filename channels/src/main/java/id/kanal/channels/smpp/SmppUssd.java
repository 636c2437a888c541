package id.kanal.channels.smpp;

import id.kanal.channels.ussd.UssdFlow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * USSD over SMPP, served by the same {@link UssdFlow} as the Africa's Talking callback: a PSSR
 * indication ({@code ussd_service_op} 1, the dialled string) opens a session; each USSR confirm
 * (18) carries the resident's next input. The flow wants every input so far joined by
 * {@code *}, as Africa's Talking sends it, so this keeps them per open session. A {@code CON}
 * screen goes back as a USSR request (2), which waits for input; an {@code END} screen as a
 * PSSR response (17), which closes the session.
 */
final class SmppUssd {
    private static final Duration FORGET_AFTER = Duration.ofMinutes(10);

    /** The screen to submit: its {@code ussd_service_op} and text. */
    record Answer(int op, String text) {
    }

    private record Open(String sessionId, String inputs, Instant at) {
    }

    private final UssdFlow flow;
    private final Clock clock;
    private final Map<String, Open> open = new ConcurrentHashMap<>();

    SmppUssd(UssdFlow flow, Clock clock) {
        this.flow = flow;
        this.clock = clock;
    }

    /** The answer to one step, or empty for a gateway notification that needs none (e.g. a release). */
    Optional<Answer> answer(String link, Optional<String> serviceCode, SmppInbound.Ussd u) {
        String phone = SmsTurns.phone(u.source());
        String key = link + ":" + u.source();
        Instant now = clock.instant();
        Open session;
        if (u.op() == SmppInbound.Ussd.PSSR_INDICATION) {
            String id = "smpp-" + link + "-" + u.source() + "-" + u.sessionInfo().map(i -> i >> 1).orElse(0) + "-"
                    + now.toEpochMilli();
            session = new Open(id, inputsOf(u.text(), serviceCode), now);
        } else if (u.op() == SmppInbound.Ussd.USSR_CONFIRM) {
            Open before = open.get(key);
            session = before == null
                    ? new Open("smpp-" + link + "-" + u.source() + "-" + now.toEpochMilli(), u.text(), now)
                    : new Open(before.sessionId(), before.inputs().isEmpty() ? u.text() : before.inputs() + "*" + u.text(), now);
        } else {
            open.remove(key);
            return Optional.empty();
        }
        // The link's USSD code (or the dialled destination) picks the region in a deployment of several.
        String screen = flow.answer(session.sessionId(), phone, session.inputs(),
                serviceCode.or(() -> Optional.ofNullable(u.dest())));
        boolean end = screen.startsWith("END");
        if (end) {
            open.remove(key);
        } else {
            open.values().removeIf(o -> o.at().isBefore(now.minus(FORGET_AFTER)));
            open.put(key, session);
        }
        return Optional.of(new Answer(end ? SmppInbound.Ussd.PSSR_RESPONSE : SmppInbound.Ussd.USSR_REQUEST,
                screen.substring(Math.min(4, screen.length()))));
    }

    /**
     * The inputs typed into the dial string: {@code *123*1*2#} with service code {@code *123#}
     * is {@code 1*2}. Without a configured code the first group is taken as the code.
     */
    static String inputsOf(String dialled, Optional<String> serviceCode) {
        String d = dialled.strip();
        String body = d.endsWith("#") ? d.substring(0, d.length() - 1) : d;
        String code = serviceCode.map(c -> c.endsWith("#") ? c.substring(0, c.length() - 1) : c).orElse(null);
        if (code != null && body.startsWith(code)) {
            String rest = body.substring(code.length());
            return rest.startsWith("*") ? rest.substring(1) : rest;
        }
        if (!body.startsWith("*")) {
            return body; // not a dial string: the gateway sent the resident's text
        }
        int second = body.indexOf('*', 1);
        return second < 0 ? "" : body.substring(second + 1);
    }
}
