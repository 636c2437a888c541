package id.kanal.services.complaints;

import id.kanal.store.Database;
import id.kanal.store.Statements;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The photos residents sent with complaints, as Kanal keeps them (fetched by {@link PhotoFetcher}):
 * for staff only. Nothing here carries the provider's URL.
 */
public final class ComplaintPhotos {
    private final Database db;

    public ComplaintPhotos(Database db) {
        this.db = db;
    }

    /**
     * One photo of a complaint and what became of it.
     *
     * @param state       {@code PENDING} (to fetch), {@code STORED}, or {@code FAILED}
     * @param contentType the stored image's type (by its bytes), when stored
     * @param error       why it is not stored (yet), for staff
     */
    public record Photo(int position, String state, Optional<String> contentType, long sizeBytes, int attempts,
                        Optional<String> error) {
        public Photo {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(error, "error");
        }
    }

    /** A stored photo's bytes and their type. */
    public record Stored(String contentType, byte[] bytes) {
        public Stored {
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(bytes, "bytes");
        }
    }

    /** The photos a resident sent with this complaint, in the order sent (Open311 links are not among them). */
    public List<Photo> of(String ticket) {
        return db.read(c -> Statements.list(c, "SELECT m.position, m.fetch_state, p.content_type, p.size_bytes, "
                        + "m.fetch_attempts, m.fetch_error FROM complaint_media m LEFT JOIN complaint_photo p "
                        + "ON p.ticket = m.ticket AND p.position = m.position "
                        + "WHERE m.ticket = ? AND m.fetch_state <> 'EXTERNAL' ORDER BY m.position",
                rs -> new Photo(rs.getInt(1), rs.getString(2), Optional.ofNullable(rs.getString(3)), rs.getLong(4),
                        rs.getInt(5), Optional.ofNullable(rs.getString(6))),
                ticket));
    }

    /** A stored photo. */
    public Optional<Stored> photo(String ticket, int position) {
        return db.read(c -> Statements.first(c, "SELECT content_type, bytes FROM complaint_photo "
                + "WHERE ticket = ? AND position = ?", rs -> new Stored(rs.getString(1), rs.getBytes(2)), ticket, position));
    }
}
