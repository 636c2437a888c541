-- Content packs (issue 18): services a region adds as content. A pack's pack.yaml is kept as
-- imported (read again at start); its items.csv rows are JSON objects of their fields.
-- Version range V90-V99: content packs.

CREATE TABLE content_pack (
    region      TEXT NOT NULL,
    code        TEXT NOT NULL,
    position    INTEGER NOT NULL,
    definition  TEXT NOT NULL,
    source      TEXT NOT NULL,
    example     INTEGER NOT NULL,
    item_count  INTEGER NOT NULL,
    imported_at BIGINT NOT NULL,
    PRIMARY KEY (region, code)
);

CREATE TABLE content_pack_item (
    region TEXT NOT NULL,
    pack   TEXT NOT NULL,
    line   INTEGER NOT NULL,
    fields TEXT NOT NULL,
    PRIMARY KEY (region, pack, line)
);
