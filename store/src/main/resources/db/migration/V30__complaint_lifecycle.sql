-- Complaints lifecycle: duplicates, forwarding to an external Open311 desk, staff reads.
-- Portable (SQLite and PostgreSQL): times are epoch milliseconds.

-- The open complaint this one repeats (same category, within 200 m or the same location text
-- within 7 days); its reporter follows the original's status changes.
ALTER TABLE complaint ADD COLUMN duplicate_of TEXT;
-- The location text normalised (lower case, letters and digits only, single spaces) for matching.
ALTER TABLE complaint ADD COLUMN location_key TEXT NOT NULL DEFAULT '';
-- Forwarding to a region's external Open311 endpoint: NULL (not forwarded), PENDING, SENT.
ALTER TABLE complaint ADD COLUMN forward_state TEXT;
ALTER TABLE complaint ADD COLUMN forward_attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE complaint ADD COLUMN forward_next_at BIGINT;
ALTER TABLE complaint ADD COLUMN forward_error TEXT;
-- The external desk's service_request_id once it accepted the complaint.
ALTER TABLE complaint ADD COLUMN external_id TEXT;

CREATE INDEX complaint_category_filed ON complaint (category_code, filed_at);
CREATE INDEX complaint_status ON complaint (status);
CREATE INDEX complaint_duplicate ON complaint (duplicate_of);
CREATE INDEX complaint_forward ON complaint (forward_state, forward_next_at);
