-- Every reader of this index asks for resolutions (the LIVE board's median, the trends' resolved weeks,
-- the dashboard): it now holds only those, so a filing's two history rows (received, then routed or
-- linked) write no entry in it. 'status' stays in the key: without it SQLite read every resolved
-- complaint instead of the resolutions in the window.
DROP INDEX complaint_history_status_at;
CREATE INDEX complaint_history_resolved ON complaint_history (status, changed_at) WHERE status = 'RESOLVED';
