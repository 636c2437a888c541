-- GTFS feeds belong to a region (issue 20): each region's timetable answers from its own feeds.
-- Feed names stay unique across a deployment (an import refuses another region's name). A
-- database that served one region has one region row: its code fills the column.
ALTER TABLE gtfs_feed ADD COLUMN region_code TEXT;
UPDATE gtfs_feed SET region_code = (SELECT MIN(code) FROM region);
