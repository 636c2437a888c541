package id.kanal.channels.smpp;

import id.kanal.channels.ussd.UssdFlow;
import id.kanal.channels.ussd.UssdServiceCodes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * USSD over SMPP, served by the same {@link UssdFlow} as the Africa's Talking callback: a PSSR
 * indication ({@code ussd_service_op} 1, the dialled string) opens a session; each USSR confirm
 * (18) carries the resident's next input. The flow wants every input so far joined by
 * {@code *}, as Africa's Talking sends it, so this keeps them per open session. A {@code CON}
 * screen goes back as a USSR request (2), which waits for input; an {@code END} screen as a
 * PSSR response (17), which closes the session.
 *
 * <p>An SMSC sends the whole dial string ({@code *500*22*1#}); the longest code the deployment
 * claims that begins it is the service code (it picks the region) and what follows are inputs.
 */
final class SmppUssd {
    private static final Duration FORGET_AFTER = Duration.ofMinutes(10);

    /** The screen to submit: its {@code ussd_service_op} and text. */
    record Answer(int op, String text) {
    }

    /** @param code the service code the session was dialled on, which picks its region on every step */
    private record Open(String sessionId, String inputs, Optional<String> code, Instant at) {
    }

    private final UssdFlow flow;
    private final Clock clock;
    private final UssdServiceCodes codes;
    private final Map<String, Open> open = new ConcurrentHashMap<>();

    /** @param codes the regions' USSD codes, which tell a dialled code from the inputs typed after it */
    SmppUssd(UssdFlow flow, Clock clock, UssdServiceCodes codes) {
        this.flow = flow;
        this.clock = clock;
        this.codes = codes;
    }

    /** The answer to one step, or empty for a gateway notification that needs none (e.g. a release). */
    Optional<Answer> answer(String link, Optional<String> serviceCode, SmppInbound.Ussd u) {
        String phone = SmsTurns.phone(u.source());
        // its_session_info's session number (the low bit marks the end) keeps two dialogs of one phone apart.
        String key = link + ":" + u.source() + u.sessionInfo().map(i -> ":" + (i >> 1)).orElse("");
        Instant now = clock.instant();
        Open session;
        if (u.op() == SmppInbound.Ussd.PSSR_INDICATION) {
            String id = "smpp-" + link + "-" + u.source() + "-" + u.sessionInfo().map(i -> i >> 1).orElse(0) + "-"
                    + now.toEpochMilli();
            Optional<String> dialled = knownCodeOf(u.text(), known(serviceCode));
            // No known code begins the dial string: the link's code (or the destination) picks the region.
            Optional<String> code = dialled.or(() -> serviceCode).or(() -> Optional.ofNullable(u.dest()));
            session = new Open(id, inputsOf(u.text(), dialled.or(() -> serviceCode)), code, now);
        } else if (u.op() == SmppInbound.Ussd.USSR_CONFIRM) {
            Open before = open.get(key);
            session = before == null
                    ? new Open("smpp-" + link + "-" + u.source() + "-" + now.toEpochMilli(), u.text(),
                            serviceCode.or(() -> Optional.ofNullable(u.dest())), now)
                    : new Open(before.sessionId(), before.inputs().isEmpty() ? u.text() : before.inputs() + "*" + u.text(),
                            before.code(), now);
        } else {
            open.remove(key);
            return Optional.empty();
        }
        // The dialled code picks the region in a deployment of several.
        String screen = flow.answer(session.sessionId(), phone, session.inputs(), session.code());
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

    private Set<String> known(Optional<String> linkCode) {
        Set<String> all = new HashSet<>(codes.all());
        linkCode.ifPresent(all::add);
        return all;
    }

    /**
     * The longest of the {@code known} codes that begins the dial string, whole groups only:
     * {@code *500*22*1#} is {@code *500*22#} (input {@code 1}) even when {@code *500#} is known too,
     * and {@code *500*221#} is neither.
     */
    static Optional<String> knownCodeOf(String dialled, Set<String> known) {
        String body = withoutHash(dialled.strip());
        return known.stream()
                .filter(c -> {
                    String code = withoutHash(c.strip());
                    return !code.isEmpty() && (body.equals(code) || body.startsWith(code + "*"));
                })
                .max(Comparator.comparingInt((String c) -> withoutHash(c.strip()).length()));
    }

    private static String withoutHash(String s) {
        return s.endsWith("#") ? s.substring(0, s.length() - 1) : s;
    }

    /**
     * The inputs typed into the dial string: {@code *123*1*2#} with service code {@code *123#}
     * is {@code 1*2}. Without a configured code the first group is taken as the code.
     */
    static String inputsOf(String dialled, Optional<String> serviceCode) {
        String d = dialled.strip();
        String body = withoutHash(d);
        String code = serviceCode.map(c -> withoutHash(c.strip())).orElse(null);
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
