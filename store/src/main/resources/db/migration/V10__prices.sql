-- Staple-food price board. Portable SQL (SQLite and PostgreSQL); days are ISO dates (TEXT).
-- market = '' means region-wide (a feed such as Badan Pangan Nasional's that names no market):
-- an empty string rather than NULL so that it can be part of the primary key on both databases.

CREATE TABLE price_commodity (
    name     TEXT PRIMARY KEY,
    unit     TEXT NOT NULL,
    synonyms TEXT NOT NULL
);

CREATE TABLE price_market (
    name TEXT PRIMARY KEY
);

CREATE TABLE price (
    commodity   TEXT NOT NULL REFERENCES price_commodity (name),
    market      TEXT NOT NULL,
    day         TEXT NOT NULL,
    rupiah      BIGINT NOT NULL,
    source      TEXT NOT NULL,
    imported_at BIGINT NOT NULL,
    PRIMARY KEY (commodity, market, day)
);
