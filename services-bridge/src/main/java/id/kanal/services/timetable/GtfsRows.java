package id.kanal.services.timetable;

import id.kanal.services.CsvReader;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The rows of one GTFS file with their columns by name, and GTFS's date and time formats; every
 * problem becomes a {@link GtfsImportException} naming the file and line.
 */
final class GtfsRows {
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private GtfsRows() {
    }

    interface RowHandler {
        void handle(Row row, int line);
    }

    /** One row with access by column name. */
    record Row(String file, int line, List<String> fields, Map<String, Integer> columns) {
        Optional<String> opt(String column) {
            Integer i = columns.get(column);
            if (i == null || i >= fields.size()) {
                return Optional.empty();
            }
            String v = fields.get(i).trim();
            return v.isEmpty() ? Optional.empty() : Optional.of(v);
        }

        String req(String column) {
            return opt(column).orElseThrow(() -> new GtfsImportException(file, line, "empty " + column));
        }

        int integer(String column) {
            String v = req(column);
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new GtfsImportException(file, line, "bad number '" + v + "' in " + column);
            }
        }

        /** A required date column (YYYYMMDD). */
        LocalDate date(String column) {
            return GtfsRows.date(file, line, req(column));
        }

        /** A time of this row (from a column or a fallback between columns), in seconds after midnight. */
        int time(String text) {
            return GtfsRows.time(file, line, text);
        }
    }

    /**
     * Hands each row of a file to the handler; a file absent from the feed has no rows. Fails when a
     * required column is missing from the header.
     */
    static void each(Map<String, String> files, String file, List<String> required, RowHandler handler) {
        String text = files.get(file);
        if (text == null) {
            return;
        }
        try (CsvReader csv = CsvReader.open(new StringReader(text))) {
            Map<String, Integer> columns = new HashMap<>();
            for (String column : csv.header()) {
                csv.column(column).ifPresent(i -> columns.put(column.toLowerCase(Locale.ROOT), i));
            }
            for (String column : required) {
                if (!columns.containsKey(column)) {
                    throw new GtfsImportException(file, 1, "missing column " + column);
                }
            }
            for (List<String> fields = csv.next(); fields != null; fields = csv.next()) {
                handler.handle(new Row(file, csv.rowLine(), fields, columns), csv.rowLine());
            }
        } catch (IllegalArgumentException e) {
            throw new GtfsImportException(file, 0, e.getMessage());
        }
    }

    static LocalDate date(String file, int line, String text) {
        try {
            return LocalDate.parse(text.trim(), DATE);
        } catch (DateTimeParseException e) {
            throw new GtfsImportException(file, line, "bad date '" + text + "' (expected YYYYMMDD)");
        }
    }

    /** "H:MM:SS" or "HH:MM:SS", hours past 24 allowed, to seconds after the service day's midnight. */
    static int time(String file, int line, String text) {
        String s = text.trim();
        int first = s.indexOf(':');
        int second = s.indexOf(':', first + 1);
        try {
            if (first < 1 || second != first + 3 || s.length() != second + 3) {
                throw new NumberFormatException();
            }
            int h = Integer.parseInt(s, 0, first, 10);
            int m = Integer.parseInt(s, first + 1, second, 10);
            int sec = Integer.parseInt(s, second + 1, s.length(), 10);
            if (h < 0 || h > 47 || m > 59 || sec > 59 || m < 0 || sec < 0) {
                throw new NumberFormatException();
            }
            return h * 3600 + m * 60 + sec;
        } catch (NumberFormatException e) {
            throw new GtfsImportException(file, line, "bad time '" + text + "' (expected HH:MM:SS)");
        }
    }
}
