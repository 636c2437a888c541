package id.kanal.app.console;

import id.kanal.dialog.Masking;
import id.kanal.services.console.ConsoleComplaints.Exported;
import id.kanal.services.console.ConsoleComplaints.Row;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A complaint list as CSV (RFC 4180, UTF-8 with a byte-order mark so that spreadsheets read the
 * Indonesian text right), headed in the account's language. Numbers are masked unless the
 * account may see them; a cell that a spreadsheet would run as a formula is quoted as text.
 */
final class ComplaintCsv {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final List<String> HEADER = List.of("col.ticket", "col.status", "col.category", "col.agency",
            "col.location", "col.description", "col.channel", "col.resident", "col.filed", "col.due", "complaint.overdue");

    private final ConsoleTexts texts;
    private final Clock clock;

    /** {@code clock}: in the region's zone, which the file's times and its name are written in. */
    ComplaintCsv(ConsoleTexts texts, Clock clock) {
        this.texts = texts;
        this.clock = clock;
    }

    /** The whole file. */
    String write(List<Exported> rows, String language, boolean showNumbers) {
        StringBuilder out = new StringBuilder("\uFEFF");
        line(out, HEADER.stream().map(k -> texts.get(language, k).replaceAll("[()]", "")).toList());
        for (Exported e : rows) {
            Row r = e.row();
            String description = e.description() == null ? "" : e.description();
            line(out, List.of(r.ticket(), texts.get(language, "status." + r.status()), r.categoryName(), r.agencyName(),
                    showNumbers ? r.location() : Masking.maskNumbersIn(r.location()),
                    showNumbers ? description : Masking.maskNumbersIn(description), r.channel(),
                    showNumbers ? r.address() : Masking.mask(r.address()), when(r.filedAt()), when(r.dueAt()),
                    r.overdue() ? "1" : "0"));
        }
        return out.toString();
    }

    /** The download's name, with today's date in the region: pengaduan-2026-12-04.csv. */
    String fileName() {
        return "pengaduan-" + LocalDate.now(clock) + ".csv";
    }

    private String when(long ms) {
        return WHEN.format(Instant.ofEpochMilli(ms).atZone(clock.getZone()));
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }

    /** Quoted when it holds a comma, quote or line break; a leading = + - @ (a formula) gets a ' first. */
    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
