package id.kanal.services.alerts;

import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import id.kanal.dialog.Language;
import id.kanal.dialog.port.AlertSubscriptions;
import id.kanal.store.Database;
import id.kanal.store.Residents;
import id.kanal.store.SqlResidentRegistry;
import id.kanal.store.Statements;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Subscriptions in the {@code alert_subscription} table, one per person, topic and subject; the
 * last channel the resident subscribed on is where alerts go (a USSD session cannot be reached
 * later: its subscribers are told by SMS). STOP deletes them all ({@code SqlResidentRegistry}).
 */
public final class SqlAlertSubscriptions implements AlertSubscriptions {
    private static final System.Logger LOG = System.getLogger(SqlAlertSubscriptions.class.getName());

    private final Database db;
    private final Areas areas;

    public SqlAlertSubscriptions(Database db, Areas areas) {
        this.db = db;
        this.areas = areas;
    }

    @Override
    public Optional<String> kelurahan(String words) {
        return areas.kelurahan(words);
    }

    /** The first kelurahan of the region's areas, in their file's order (a region file puts a well-known one first). */
    @Override
    public Optional<String> exampleKelurahan() {
        return areas.all().values().stream().flatMap(List::stream).findFirst();
    }

    @Override
    public void subscribe(Address resident, Language language, Subscription s, Instant now) {
        Address to = resident.channel() == Channel.USSD ? new Address(Channel.SMS, resident.value()) : resident;
        db.inTransaction(c -> Statements.update(c, "INSERT INTO alert_subscription (person, topic, subject, channel, "
                        + "address, language, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (person, topic, subject) "
                        + "DO UPDATE SET channel = excluded.channel, address = excluded.address, language = excluded.language",
                SqlResidentRegistry.key(resident), s.topic().id(), s.subject(), to.channel().id(), to.value(),
                language.code(), now.toEpochMilli()));
        LOG.log(System.Logger.Level.INFO, "alert subscribed topic={0} subject={1} resident={2}", s.topic().id(),
                s.subject(), resident);
    }

    @Override
    public int leave(Address resident, Topic topic) {
        return db.inTransaction(c -> {
            int left = 0;
            for (String key : Residents.personKeys(c, SqlResidentRegistry.key(resident))) {
                left += Statements.update(c, "DELETE FROM alert_subscription WHERE person = ? AND topic = ?", key, topic.id());
            }
            return left;
        });
    }

    @Override
    public List<Subscription> list(Address resident) {
        return db.read(c -> {
            List<String> keys = Residents.personKeys(c, SqlResidentRegistry.key(resident));
            return Statements.list(c, "SELECT topic, subject FROM alert_subscription WHERE person IN (?, ?) "
                            + "ORDER BY topic, subject",
                    rs -> new Subscription(Topic.valueOf(rs.getString(1).toUpperCase(Locale.ROOT)), rs.getString(2)),
                    keys.get(0), keys.get(keys.size() - 1));
        });
    }
}
