-- GTFS timetable feeds. Each import writes a new version of a named feed and, in the same
-- transaction, makes it the active one and deletes the older versions: a reader sees either
-- the old feed or the new one. The files are kept verbatim (only the GTFS files Kanal reads);
-- the query path is an in-memory index built from them, so a restart or a second node
-- rebuilds exactly the index the importing node built.

CREATE TABLE gtfs_feed (
    feed        TEXT NOT NULL,
    version     BIGINT NOT NULL,
    source      TEXT NOT NULL,
    imported_at BIGINT NOT NULL,
    PRIMARY KEY (feed, version)
);

CREATE TABLE gtfs_feed_file (
    feed      TEXT NOT NULL,
    version   BIGINT NOT NULL,
    file_name TEXT NOT NULL,
    content   TEXT NOT NULL,
    PRIMARY KEY (feed, version, file_name),
    FOREIGN KEY (feed, version) REFERENCES gtfs_feed (feed, version)
);
