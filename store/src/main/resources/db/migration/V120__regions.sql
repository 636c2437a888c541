-- Several regions in one deployment (issue 20). Portable SQL (SQLite and PostgreSQL).
-- Agencies and categories belong to a region: each region's complaint desk reads only its own.
-- Codes stay unique across the deployment (Kanal refuses to start when two region files share
-- one), so complaints and console accounts keep naming them alone. A database that served one
-- region has exactly one region row: its code fills the new columns, and nothing is lost.
ALTER TABLE agency ADD COLUMN region_code TEXT;
ALTER TABLE category ADD COLUMN region_code TEXT;
UPDATE agency SET region_code = (SELECT MIN(code) FROM region);
UPDATE category SET region_code = (SELECT MIN(code) FROM region);
CREATE INDEX category_region ON category (region_code, position);
CREATE UNIQUE INDEX region_ticket_prefix ON region (ticket_prefix);
