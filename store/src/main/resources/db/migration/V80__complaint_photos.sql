-- Photos residents send with a complaint, fetched from the provider and kept by Kanal, and staff
-- notes on a complaint. Portable (SQLite and PostgreSQL): times are epoch milliseconds.

-- What became of each media row: EXTERNAL (a URL an Open311 client gave; never fetched, it may be
-- published), PENDING (a provider's photo to fetch, again at fetch_next_at), STORED (its bytes are
-- in complaint_photo), FAILED (refused or given up; fetch_error says why, for staff).
ALTER TABLE complaint_media ADD COLUMN fetch_state TEXT NOT NULL DEFAULT 'EXTERNAL';
ALTER TABLE complaint_media ADD COLUMN fetch_attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE complaint_media ADD COLUMN fetch_next_at BIGINT NOT NULL DEFAULT 0;
ALTER TABLE complaint_media ADD COLUMN fetch_error TEXT;
-- Photos residents sent before this migration (filed by "resident:<channel>", not by an Open311
-- client) are fetched like new ones: the provider keeps them.
UPDATE complaint_media SET fetch_state = 'PENDING'
    WHERE ticket IN (SELECT ticket FROM complaint_history WHERE status = 'RECEIVED' AND changed_by LIKE 'resident:%');
CREATE INDEX complaint_media_fetch ON complaint_media (fetch_state, fetch_next_at);

-- The bytes, apart from complaint_media so that lists never read them. content_type is what the
-- bytes are (checked by their signature), not what the provider said. BYTEA is a BLOB to SQLite.
CREATE TABLE complaint_photo (
    ticket       TEXT NOT NULL,
    position     INTEGER NOT NULL,
    content_type TEXT NOT NULL,
    size_bytes   INTEGER NOT NULL,
    bytes        BYTEA NOT NULL,
    stored_at    BIGINT NOT NULL,
    PRIMARY KEY (ticket, position),
    FOREIGN KEY (ticket, position) REFERENCES complaint_media (ticket, position)
);

-- A staff note on a complaint, never sent to the resident.
CREATE TABLE complaint_note (
    ticket   TEXT NOT NULL REFERENCES complaint (ticket),
    seq      INTEGER NOT NULL,
    at       BIGINT NOT NULL,
    author   TEXT NOT NULL,
    body     TEXT NOT NULL,
    PRIMARY KEY (ticket, seq)
);
