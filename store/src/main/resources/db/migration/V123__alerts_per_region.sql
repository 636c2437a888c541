-- Price and area alerts per region (issue 20). Portable SQL (SQLite and PostgreSQL).
-- A price alert mark is a region's: two regions quote the same commodity at different prices, and
-- each region's import alerts its own subscribers. The table is rebuilt (SQLite cannot change a
-- primary key). Existing marks were the default region's; SQL cannot tell which region that is
-- when several are stored already, so marks are kept only in a database of one region (elsewhere
-- the first check after the upgrade marks the prices again, alerting nothing).
CREATE TABLE price_alert_mark_by_region (
    region_code TEXT NOT NULL,
    commodity   TEXT NOT NULL,
    rupiah      BIGINT NOT NULL,
    day         TEXT NOT NULL,
    marked_at   BIGINT NOT NULL,
    PRIMARY KEY (region_code, commodity)
);
INSERT INTO price_alert_mark_by_region (region_code, commodity, rupiah, day, marked_at)
    SELECT (SELECT MIN(code) FROM region), commodity, rupiah, day, marked_at FROM price_alert_mark
    WHERE (SELECT COUNT(*) FROM region) = 1;
DROP TABLE price_alert_mark;
ALTER TABLE price_alert_mark_by_region RENAME TO price_alert_mark;

-- An area alert is sent by one region's staff to that region's kelurahan. Alerts sent before
-- (NULL when the database held several regions) are listed with the default region's.
ALTER TABLE area_alert ADD COLUMN region_code TEXT;
UPDATE area_alert SET region_code = (SELECT MIN(code) FROM region) WHERE (SELECT COUNT(*) FROM region) = 1;
