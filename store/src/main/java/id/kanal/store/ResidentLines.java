package id.kanal.store;

/**
 * One resident's transcript lines for a query's {@code FROM}: a derived table with the transcript's columns.
 * On SQLite a walk of the resident's chain (V67): the conversation's row names the newest line, each line
 * the one before it; on PostgreSQL the lines by their key.
 *
 * <p>A walk may stop early: with {@code last}, a condition on the line {@code t}, SQLite goes no further back
 * than the first line (from the newest) for which it holds. The caller's own conditions still pick the
 * lines (PostgreSQL returns them all), so {@code last} only spares reading older lines that cannot match.
 */
public final class ResidentLines {
    private ResidentLines() {
    }

    /** The lines of the resident whose channel and address are bound as the next two parameters. */
    public static String of(Dialect dialect) {
        return of(dialect, null);
    }

    /** {@link #of(Dialect)}, read on SQLite from the newest back to the first for which {@code last} holds. */
    public static String of(Dialect dialect, String last) {
        return dialect == Dialect.SQLITE
                ? walk("SELECT last_line FROM conversation WHERE channel = ? AND address = ?", last)
                : "(SELECT * FROM transcript WHERE channel = ? AND address = ?)";
    }

    /**
     * The lines of the conversation row that the enclosing query names {@code row} (a correlated derived table),
     * read on SQLite from the newest back to the first for which {@code last} holds (null: all).
     */
    public static String ofRow(Dialect dialect, String row, String last) {
        return dialect == Dialect.SQLITE
                ? walk("SELECT " + row + ".last_line", last)
                : "(SELECT * FROM transcript WHERE channel = " + row + ".channel AND address = " + row + ".address)";
    }

    /**
     * A line whose {@code prev} is null, or names no line, ends the walk; so does one for which {@code last} holds
     * (null does not). {@code CROSS JOIN}: SQLite then reads the lines the walk names, in its order; with a plain
     * join and a condition on the lines' provider id (the orphan check's) it chose to scan the transcript's whole
     * index of messages and look each one up in the walk, 10 ms a look-up instead of microseconds.
     */
    private static String walk(String newest, String last) {
        return "(WITH RECURSIVE line(id) AS (" + newest + " UNION ALL SELECT t.prev FROM transcript t "
                + "JOIN line ON t.id = line.id" + (last == null ? "" : " WHERE (" + last + ") IS NOT TRUE")
                + ") SELECT l.* FROM line CROSS JOIN transcript l ON l.id = line.id)";
    }
}
