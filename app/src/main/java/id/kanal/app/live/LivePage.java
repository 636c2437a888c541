package id.kanal.app.live;

import id.kanal.services.live.LiveFigures;
import id.kanal.services.live.LiveRegion;
import id.kanal.services.live.LiveRow;
import id.kanal.services.live.Tally;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The board's HTML, in Bahasa Indonesia, rendered whole on the server: it reads without
 * JavaScript, and {@code live.js} refreshes it by fetching the same page again (one renderer) when
 * the board's event stream brings figures newer than the page's {@code data-generated}.
 * Every text that comes from data is escaped; the only data shown are region, agency and category
 * names and counts.
 */
final class LivePage {
    static final Locale INDONESIAN = Locale.forLanguageTag("id-ID");
    private static final DateTimeFormatter UPDATED = DateTimeFormatter.ofPattern("d MMMM yyyy, HH.mm zzz", INDONESIAN);

    private LivePage() {
    }

    static String board(LiveFigures f, ZoneId zone) {
        StringBuilder h = head("LIVE Room " + f.regionName());
        Tally t = f.total();
        h.append("<main data-region=\"").append(esc(f.region())).append("\" data-generated=\"").append(f.generatedAt())
                .append("\">\n")
                .append("<header><h1>LIVE Room <span>").append(esc(f.regionName())).append("</span></h1>\n")
                .append("<p class=\"updated\">Pengaduan warga. Diperbarui ")
                .append(esc(UPDATED.format(Instant.ofEpochMilli(f.generatedAt()).atZone(zone)))).append("</p></header>\n")
                .append("<section class=\"tiles\" aria-label=\"Ringkasan\">\n")
                .append(tile("waiting", "Belum ditangani", t.notYetHandled(), "diterima atau diteruskan ke instansi"))
                .append(tile("progress", "Sedang diproses", t.inProgress(), "dikerjakan instansi"))
                .append(tile("done", "Selesai ditangani", t.handled(), "dari " + number(t.total()) + " laporan"))
                .append(tile("late", "Lewat batas waktu", t.overdue(), "belum selesai melewati target"))
                .append("</section>\n<p class=\"median\">");
        if (f.medianDaysToResolution() == null) {
            h.append("Belum ada laporan yang selesai dalam 30 hari terakhir.");
        } else {
            h.append("Median waktu penyelesaian 30 hari terakhir: <strong>")
                    .append(decimal(f.medianDaysToResolution())).append(" hari</strong> (")
                    .append(number(f.resolvedLast30Days())).append(" laporan selesai)");
        }
        h.append(" Ditolak: ").append(number(t.rejected())).append(".</p>\n")
                .append(table("Per instansi", "Instansi", f.byAgency()))
                .append(table("Per kategori", "Kategori", f.byCategory()))
                .append("<footer>Data terbuka tanpa data pribadi: <a href=\"/live/").append(esc(f.region()))
                .append(".json\">JSON</a> · <a href=\"/live\">Semua wilayah</a></footer>\n</main>\n");
        return tail(h);
    }

    static String regions(List<LiveRegion> regions) {
        StringBuilder h = head("LIVE Room");
        h.append("<main><header><h1>LIVE Room</h1><p class=\"updated\">Pilih wilayah</p></header>\n<ul class=\"regions\">\n");
        for (LiveRegion r : regions) {
            h.append("<li><a href=\"/live/").append(esc(r.code())).append("\">").append(esc(r.name())).append("</a></li>\n");
        }
        return tail(h.append("</ul></main>\n"));
    }

    private static StringBuilder head(String title) {
        return new StringBuilder(4096).append("<!DOCTYPE html>\n<html lang=\"id\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(title)).append("</title>\n")
                .append("<link rel=\"stylesheet\" href=\"/live/assets/live.css\">\n")
                .append("<script src=\"/live/assets/live.js\" defer></script>\n")
                // Without JavaScript the page still refreshes itself.
                .append("<noscript><meta http-equiv=\"refresh\" content=\"60\"></noscript>\n</head>\n<body>\n");
    }

    private static String tail(StringBuilder h) {
        return h.append("</body>\n</html>\n").toString();
    }

    private static String tile(String kind, String label, long value, String hint) {
        return "<div class=\"tile " + kind + "\"><span class=\"label\">" + esc(label) + "</span><span class=\"value\">"
                + number(value) + "</span><span class=\"hint\">" + esc(hint) + "</span></div>\n";
    }

    private static String table(String caption, String firstColumn, List<LiveRow> rows) {
        StringBuilder h = new StringBuilder("<section class=\"table\"><table>\n<caption>").append(esc(caption))
                .append("</caption>\n<thead><tr><th scope=\"col\">").append(esc(firstColumn))
                .append("</th><th scope=\"col\">Belum</th><th scope=\"col\">Proses</th><th scope=\"col\">Selesai</th>"
                        + "<th scope=\"col\">Terlambat</th></tr></thead>\n<tbody>\n");
        for (LiveRow r : rows) {
            Tally t = r.figures();
            h.append("<tr><th scope=\"row\">").append(esc(r.name())).append("</th><td>").append(number(t.notYetHandled()))
                    .append("</td><td>").append(number(t.inProgress())).append("</td><td>").append(number(t.handled()))
                    .append("</td><td").append(t.overdue() > 0 ? " class=\"late\"" : "").append('>')
                    .append(number(t.overdue())).append("</td></tr>\n");
        }
        return h.append("</tbody></table></section>\n").toString();
    }

    private static String number(long n) {
        return NumberFormat.getIntegerInstance(INDONESIAN).format(n);
    }

    private static String decimal(double d) {
        NumberFormat f = NumberFormat.getNumberInstance(INDONESIAN);
        f.setMaximumFractionDigits(1);
        return f.format(d);
    }

    static String esc(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
