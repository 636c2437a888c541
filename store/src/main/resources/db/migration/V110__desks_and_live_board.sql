-- Desks and the public LIVE Room board (issue 20). Portable SQL (SQLite and PostgreSQL).

-- A console account belongs to one region, or to all of them when region_code is NULL (a
-- provincial operator), and to one agency (the LAKSA desk model: it sees and changes only the
-- complaints routed there) or to none when agency_code is NULL. Accounts that existed before
-- keep seeing everything, as they did.
ALTER TABLE console_account ADD COLUMN region_code TEXT;
ALTER TABLE console_account ADD COLUMN agency_code TEXT;

-- A complaint moved to another agency by a supervisor, and why; the status history is left
-- alone (residents read its notes).
CREATE TABLE complaint_reassignment (
    ticket      TEXT NOT NULL REFERENCES complaint (ticket),
    seq         INTEGER NOT NULL,
    from_agency TEXT NOT NULL,
    to_agency   TEXT NOT NULL,
    reason      TEXT NOT NULL,
    changed_by  TEXT NOT NULL,
    changed_at  BIGINT NOT NULL,
    PRIMARY KEY (ticket, seq)
);

-- The board's median time to resolution reads the resolutions of the last 30 days.
CREATE INDEX complaint_history_status_at ON complaint_history (status, changed_at);
