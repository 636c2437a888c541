package id.kanal.dialog.port;

import id.kanal.dialog.Address;
import id.kanal.dialog.Language;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** The alerts residents asked for ({@code DAFTAR BANJIR <kelurahan>}, {@code DAFTAR HARGA <komoditas>}). */
public interface AlertSubscriptions {
    /** What an alert is about. */
    enum Topic {
        /** Area alerts (floods and other notices staff send to a kelurahan or kecamatan); subject: a kelurahan. */
        BANJIR,
        /** Price moves past the threshold; subject: a commodity. */
        HARGA;

        /** The storage name and keyword ("banjir", "harga"). */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One subscription: a topic and what about (a kelurahan's or a commodity's canonical name). */
    record Subscription(Topic topic, String subject) {
        public Subscription {
            Objects.requireNonNull(topic, "topic");
            Objects.requireNonNull(subject, "subject");
        }
    }

    /** The kelurahan a resident's words name (any case, spacing), by its canonical name. */
    Optional<String> kelurahan(String words);

    /** Subscribes (again: nothing changes but the channel alerts go to). */
    void subscribe(Address resident, Language language, Subscription subscription, Instant now);

    /** Leaves every subscription of a topic; returns how many there were. */
    int leave(Address resident, Topic topic);

    /** The resident's subscriptions, by topic then subject. */
    List<Subscription> list(Address resident);

    /** A kelurahan residents may name, for the help texts' example; empty when none is known. */
    default Optional<String> exampleKelurahan() {
        return Optional.empty();
    }

    /** Nothing kept (tests, and servers without a database): no kelurahan is known. */
    static AlertSubscriptions none() {
        return new AlertSubscriptions() {
            @Override
            public Optional<String> kelurahan(String words) {
                return Optional.empty();
            }

            @Override
            public void subscribe(Address resident, Language language, Subscription subscription, Instant now) {
            }

            @Override
            public int leave(Address resident, Topic topic) {
                return 0;
            }

            @Override
            public List<Subscription> list(Address resident) {
                return List.of();
            }
        };
    }
}
