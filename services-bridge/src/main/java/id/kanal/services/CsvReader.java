package id.kanal.services;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A small RFC 4180 reader for the feeds Kanal imports (GTFS, price CSVs): a header row, quoted
 * fields with doubled quotes, CRLF or LF, and a UTF-8 byte-order mark on the first header
 * (TransJakarta's {@code calendar_dates.txt} starts with one). Rows are numbered by their line
 * in the file, header = line 1, so an error message points at the line an editor shows.
 */
public final class CsvReader implements AutoCloseable {
    private final BufferedReader in;
    private final Map<String, Integer> columns = new HashMap<>();
    private final List<String> header;
    private int line;
    private int rowLine;

    private CsvReader(Reader reader) {
        this.in = reader instanceof BufferedReader b ? b : new BufferedReader(reader, 1 << 16);
        List<String> h = next();
        if (h == null) {
            h = List.of();
        }
        List<String> cleaned = new ArrayList<>(h.size());
        for (int i = 0; i < h.size(); i++) {
            String name = h.get(i).replace("\uFEFF", "").trim();
            cleaned.add(name);
            columns.putIfAbsent(name.toLowerCase(Locale.ROOT), i);
        }
        this.header = List.copyOf(cleaned);
    }

    /** Opens a reader and consumes its header row. */
    public static CsvReader open(Reader reader) {
        return new CsvReader(reader);
    }

    public List<String> header() {
        return header;
    }

    /** The index of a column by case-insensitive name, if the header has it. */
    public Optional<Integer> column(String name) {
        return Optional.ofNullable(columns.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The line number (1-based) where the row last returned by {@link #next()} started. */
    public int rowLine() {
        return rowLine;
    }

    /** The next row's fields, or null at the end. Blank lines are skipped. */
    public List<String> next() {
        try {
            while (true) {
                String text = in.readLine();
                if (text == null) {
                    return null;
                }
                line++;
                rowLine = line;
                if (text.isBlank()) {
                    continue;
                }
                return parse(text);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read CSV at line " + line, e);
        }
    }

    private List<String> parse(String first) throws IOException {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        String text = first;
        int i = 0;
        boolean quoted = false;
        while (true) {
            if (i >= text.length()) {
                if (quoted) {
                    // A quoted field spans lines: keep the line break and read on.
                    String more = in.readLine();
                    if (more == null) {
                        throw new IllegalArgumentException("unterminated quoted field starting at line " + rowLine);
                    }
                    line++;
                    field.append('\n');
                    text = more;
                    i = 0;
                    continue;
                }
                fields.add(field.toString());
                return fields;
            }
            char c = text.charAt(i++);
            if (quoted) {
                if (c == '"') {
                    if (i < text.length() && text.charAt(i) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
