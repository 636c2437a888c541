-- Prices belong to a region (issue 20): two regions may quote the same commodity at a market
-- name or region-wide ('') on the same day, so the region joins the key. The table is rebuilt
-- (SQLite cannot change a primary key) and its rows keep everything: a database that served one
-- region has one region row, whose code they get ('' in a database that had none yet).
CREATE TABLE price_by_region (
    region_code TEXT NOT NULL,
    commodity   TEXT NOT NULL REFERENCES price_commodity (name),
    market      TEXT NOT NULL,
    day         TEXT NOT NULL,
    rupiah      BIGINT NOT NULL,
    source      TEXT NOT NULL,
    imported_at BIGINT NOT NULL,
    PRIMARY KEY (region_code, commodity, market, day)
);
INSERT INTO price_by_region (region_code, commodity, market, day, rupiah, source, imported_at)
    SELECT COALESCE((SELECT MIN(code) FROM region), ''), commodity, market, day, rupiah, source, imported_at FROM price;
DROP TABLE price;
ALTER TABLE price_by_region RENAME TO price;
CREATE INDEX price_region_commodity ON price (region_code, commodity);
