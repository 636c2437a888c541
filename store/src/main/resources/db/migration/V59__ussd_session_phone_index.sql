-- The resumable-session look-up (a phone's latest other session) finds a phone's few sessions by
-- the phone alone and sorts them itself; with updated_at in the index every USSD hop, which
-- changes updated_at, moved the session's index entry (SQLite: one more page written per hop;
-- PostgreSQL: a new index entry, where an update of no indexed column can stay in its heap page).
DROP INDEX ussd_session_phone;
CREATE INDEX ussd_session_phone ON ussd_session (phone);
