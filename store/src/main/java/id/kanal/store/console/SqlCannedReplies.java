package id.kanal.store.console;

import id.kanal.store.Database;
import id.kanal.store.Statements;

import java.time.Instant;
import java.util.List;

/** {@link CannedReplies} in the {@code canned_reply} table. */
public final class SqlCannedReplies implements CannedReplies {
    private final Database db;

    public SqlCannedReplies(Database db) {
        this.db = db;
    }

    @Override
    public List<CannedReply> list() {
        return db.read(c -> Statements.list(c, "SELECT id, title, body, template, shortcut, body_en FROM canned_reply "
                + "ORDER BY title", rs -> new CannedReply(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6))));
    }

    @Override
    public void add(CannedReply r, String createdBy, Instant at) {
        db.inTransaction(c -> Statements.update(c, "INSERT INTO canned_reply (id, title, body, template, shortcut, "
                + "body_en, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", r.id(), r.title(), r.body(),
                r.template(), r.shortcut(), r.bodyEn(), createdBy, at.toEpochMilli()));
    }

    @Override
    public void delete(String id) {
        db.inTransaction(c -> Statements.update(c, "DELETE FROM canned_reply WHERE id = ?", id));
    }
}
