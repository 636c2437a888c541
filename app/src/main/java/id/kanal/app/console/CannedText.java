package id.kanal.app.console;

import id.kanal.dialog.Language;
import id.kanal.dialog.Texts;
import id.kanal.dialog.port.ComplaintStatus;
import id.kanal.services.console.ConsoleComplaints.Row;
import id.kanal.store.console.CannedReplies;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Canned replies filled in for one conversation, in the resident's language: {@code {tiket}} is the
 * resident's newest open complaint (else their newest), {@code {status}} its status in the words
 * Kanal uses with residents, {@code {agen}} the answering agent's name. A variable with no value
 * (a resident without complaints) stays as written, so the agent sees it before sending.
 */
final class CannedText {
    private static final Pattern VARIABLE = Pattern.compile("\\{(tiket|status|agen)}");

    private final Texts texts;
    private final CannedReplies canned;

    CannedText(Texts texts, CannedReplies canned) {
        this.texts = texts;
        this.canned = canned;
    }

    /** A canned reply as offered in a conversation: its text filled in. */
    record Filled(String id, String title, String shortcut, String text, String template) {
    }

    /** Every canned reply, filled in for a resident who speaks this language, has these complaints, and this agent. */
    List<Filled> fill(String residentLanguage, List<Row> complaints, String agent) {
        Map<String, String> values = values(residentLanguage, complaints, agent);
        return canned.list().stream().map(c -> new Filled(c.id(), c.title(), c.shortcut(),
                fill(c.bodyFor(residentLanguage), values), c.template())).toList();
    }

    Map<String, String> values(String residentLanguage, List<Row> complaints, String agent) {
        Language language = "en".equals(residentLanguage) ? Language.EN : Language.ID;
        Map<String, String> values = new HashMap<>();
        values.put("agen", agent.isEmpty() ? agent : agent.substring(0, 1).toUpperCase(Locale.ROOT) + agent.substring(1));
        Optional<Row> about = complaints.stream().filter(r -> ComplaintStatus.valueOf(r.status()).isOpen()).findFirst()
                .or(() -> complaints.stream().findFirst());
        about.ifPresent(r -> {
            values.put("tiket", r.ticket());
            values.put("status", texts.get(language, "status." + r.status()));
        });
        return values;
    }

    static String fill(String body, Map<String, String> values) {
        Matcher m = VARIABLE.matcher(body);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }
}
