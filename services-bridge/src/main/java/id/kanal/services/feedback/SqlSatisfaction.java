package id.kanal.services.feedback;

import id.kanal.store.Database;
import id.kanal.store.Statements;

import java.time.Clock;
import java.time.Duration;

/** {@link SatisfactionFigures} from the {@code resident_question} table, over the questions of the last 30 days. */
public final class SqlSatisfaction {
    static final int DAYS = 30;

    private final Database db;
    private final Clock clock;

    public SqlSatisfaction(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public SatisfactionFigures figures() {
        long now = clock.millis();
        long since = now - Duration.ofDays(DAYS).toMillis();
        return db.read(c -> new SatisfactionFigures(now, DAYS,
                Statements.list(c, "SELECT a.code, a.name, COUNT(*), "
                                + "SUM(CASE WHEN q.answer = 1 THEN 1 ELSE 0 END), SUM(CASE WHEN q.answer = 2 THEN 1 ELSE 0 END) "
                                + "FROM resident_question q JOIN agency a ON a.code = q.agency_code "
                                + "WHERE q.kind = 'fixed' AND q.asked_at >= ? GROUP BY a.code, a.name ORDER BY a.name",
                        rs -> {
                            long fixed = rs.getLong(4);
                            long answered = fixed + rs.getLong(5);
                            return new SatisfactionFigures.Agency(rs.getString(1), rs.getString(2), rs.getLong(3), fixed,
                                    rs.getLong(5), answered == 0 ? null : Math.round(1000.0 * fixed / answered) / 10.0);
                        }, since),
                Statements.list(c, "SELECT subject, COUNT(*), COUNT(answer), SUM(answer) FROM resident_question "
                                + "WHERE kind = 'agent' AND asked_at >= ? GROUP BY subject ORDER BY subject",
                        rs -> {
                            long ratings = rs.getLong(3);
                            return new SatisfactionFigures.Agent(rs.getString(1), rs.getLong(2), ratings,
                                    ratings == 0 ? null : Math.round(10.0 * rs.getLong(4) / ratings) / 10.0);
                        }, since)));
    }
}
