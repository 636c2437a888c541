package id.kanal.services.feedback;

import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import id.kanal.dialog.port.PendingQuestion;
import id.kanal.dialog.port.ResidentQuestions;
import id.kanal.store.Database;
import id.kanal.store.QuestionlessResidents;
import id.kanal.store.Residents;
import id.kanal.store.SqlResidentRegistry;
import id.kanal.store.Statements;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The {@code resident_question} table. A question belongs to the person (the resident table's
 * key, linked Telegram chats included), so it is answered on whichever channel the answer comes.
 * A question is asked at most once per occasion: one per resolution of a ticket, one per handback.
 */
public final class SqlResidentQuestions implements ResidentQuestions {
    private static final System.Logger LOG = System.getLogger(SqlResidentQuestions.class.getName());

    /** Residents with an unanswered question held in memory at most: past it each turn looks (a set is read once a change). */
    private static final int MAX_REMEMBERED = 1_000;

    private final Database db;
    private final QuestionlessResidents questionless;

    public SqlResidentQuestions(Database db) {
        this.db = db;
        this.questionless = new QuestionlessResidents(db.dialect(), this::askedKeys);
    }

    /**
     * Records "was it fixed?" for a ticket just resolved, in the caller's transaction (the one that
     * resolves it and enqueues the message that asks).
     *
     * @return false when this resolution's question to this person exists already
     */
    public static boolean askFixed(Connection c, String person, String ticket, String reporterChannel,
                                   String reporterAddress, Instant resolvedAt) throws SQLException {
        String agency = Statements.first(c, "SELECT agency_code FROM complaint WHERE ticket = ?",
                rs -> rs.getString(1), ticket).orElse(null);
        return insert(c, person, PendingQuestion.Kind.FIXED, ticket, reporterChannel, reporterAddress, agency, resolvedAt);
    }

    private static boolean insert(Connection c, String person, PendingQuestion.Kind kind, String subject, String channel,
                                  String address, String agency, Instant now) throws SQLException {
        QuestionlessResidents.changing();
        return Statements.update(c, "INSERT INTO resident_question (id, person, kind, subject, occasion, "
                        + "reporter_channel, reporter_address, agency_code, asked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (kind, subject, occasion, person) DO NOTHING",
                UUID.randomUUID().toString(), person, kind.id(), subject, now.toEpochMilli(), channel, address, agency,
                now.toEpochMilli()) == 1;
    }

    @Override
    public Optional<PendingQuestion> pending(Address resident, Instant since) {
        String key = SqlResidentRegistry.key(resident);
        long sinceMillis = since.toEpochMilli();
        if (questionless.without(key, sinceMillis)) {
            return Optional.empty(); // most menu digits: no question waits for this resident
        }
        return lookUp(key, sinceMillis);
    }

    /**
     * Every resident key that would find a question asked at or after {@code sinceMillis}: the
     * person asked and the channel linked to it ({@link Residents#personKeys}); empty past
     * {@link #MAX_REMEMBERED} questions, when looking each time is cheaper than holding them.
     */
    private Optional<Set<String>> askedKeys(long sinceMillis) {
        return db.read(c -> {
            List<String> persons = Statements.list(c, "SELECT DISTINCT person FROM resident_question "
                    + "WHERE answered_at IS NULL AND asked_at >= ? LIMIT " + (MAX_REMEMBERED + 1), rs -> rs.getString(1),
                    sinceMillis);
            if (persons.size() > MAX_REMEMBERED) {
                return Optional.<Set<String>>empty();
            }
            Set<String> keys = new HashSet<>();
            for (String person : persons) {
                keys.addAll(Residents.personKeys(c, person));
            }
            return Optional.of(Set.copyOf(keys));
        });
    }

    /** One statement: the person's linked key is its subquery (a round trip saved on PostgreSQL). */
    private Optional<PendingQuestion> lookUp(String key, long sinceMillis) {
        return db.read(c -> Statements.first(c, "SELECT id, kind, subject, reporter_channel, reporter_address, asked_at "
                        + "FROM resident_question WHERE person IN (?, " + Residents.linkedKeySql(key) + ") "
                        + "AND answered_at IS NULL AND asked_at >= ? ORDER BY asked_at DESC, id LIMIT 1",
                rs -> new PendingQuestion(rs.getString(1), PendingQuestion.Kind.valueOf(rs.getString(2).toUpperCase(
                        java.util.Locale.ROOT)), rs.getString(3), new Address(Channel.of(rs.getString(4)),
                        rs.getString(5)), Instant.ofEpochMilli(rs.getLong(6))),
                key, Residents.linkedKeyParameter(key), sinceMillis));
    }

    @Override
    public boolean answer(PendingQuestion question, int answer, Instant now) {
        boolean first = db.inTransaction(c -> Statements.update(c, "UPDATE resident_question SET answer = ?, "
                + "answered_at = ? WHERE id = ? AND answered_at IS NULL", answer, now.toEpochMilli(), question.id()) == 1);
        LOG.log(System.Logger.Level.INFO, "question answered kind={0} subject={1} answer={2} first={3}",
                question.kind().id(), question.subject(), answer, first);
        return first;
    }

    @Override
    public void askAgentRating(Address resident, String agent, Instant now) {
        db.inTransaction(c -> insert(c, SqlResidentRegistry.key(resident), PendingQuestion.Kind.AGENT, agent,
                resident.channel().id(), resident.value(), null, now));
    }
}
