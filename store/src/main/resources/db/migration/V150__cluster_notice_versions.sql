-- On SQLite, the notices between processes sharing one database file (a command-line import-prices
-- or import-gtfs while the server runs): one row per topic, its version counted up by each notice
-- and the latest message. The other processes poll it (cheaply: only after PRAGMA data_version
-- says another connection committed). PostgreSQL uses LISTEN/NOTIFY and leaves this table empty.
CREATE TABLE cluster_notice_versions (
    topic   TEXT PRIMARY KEY,
    version BIGINT NOT NULL,
    node    TEXT NOT NULL,
    message TEXT NOT NULL
);
