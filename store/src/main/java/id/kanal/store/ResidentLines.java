package id.kanal.store;

/**
 * One resident's transcript lines for a query's {@code FROM}: a derived table with the transcript's columns.
 * On SQLite a walk of the resident's chain (V67) from the newest line back, each line naming the one before
 * it; on PostgreSQL the lines by their key.
 *
 * <p>The newest line is the conversation row's {@code last_line}, or a newer one this process wrote: a
 * bot-mode conversation's row is written behind its turns ({@link RowsBehind}), and until then only memory
 * names its newest lines ({@link Database#newestLine}). So both forms take three parameters: channel,
 * address and that line (0: none; PostgreSQL, whose rows are never behind, only checks it is a number).
 *
 * <p>A walk may stop early: with {@code last}, a condition on the line {@code t}, SQLite goes no further back
 * than the first line (from the newest) for which it holds. The caller's own conditions still pick the
 * lines (PostgreSQL returns them all), so {@code last} only spares reading older lines that cannot match.
 */
public final class ResidentLines {
    /**
     * SQLite: the id of the newest line of the resident in parameters 1 and 2: the row's, or the line in
     * parameter 3 if newer and the resident's (memory may name a line of a turn whose transaction then failed).
     */
    static final String NEWEST = "MAX(COALESCE((SELECT last_line FROM conversation WHERE channel = ?1 AND address = ?2), 0), "
            + "COALESCE((SELECT id FROM transcript WHERE id = ?3 AND channel = ?1 AND address = ?2), 0))";

    private ResidentLines() {
    }

    /** The lines of the resident whose channel, address and newest known line are bound as the first three parameters. */
    public static String of(Dialect dialect) {
        return of(dialect, null);
    }

    /** {@link #of(Dialect)}, read on SQLite from the newest back to the first for which {@code last} holds. */
    public static String of(Dialect dialect, String last) {
        return dialect == Dialect.SQLITE ? walk("SELECT " + NEWEST, last)
                : "(SELECT * FROM transcript WHERE channel = ? AND address = ? AND ? >= 0)";
    }

    /**
     * The lines of the conversation row that the enclosing query names {@code row} (a correlated derived table),
     * read on SQLite from the row's newest line back to the first for which {@code last} holds (null: all). A
     * conversation with the bot may then miss its lines of the last few seconds (its row behind them); one with an
     * agent, or waiting for one, never: its row is written with every line.
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
