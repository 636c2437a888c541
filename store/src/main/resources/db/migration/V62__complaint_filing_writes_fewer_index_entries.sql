-- Every complaint filed wrote an entry in each of complaint's nine B-trees besides the table; in a flood (one
-- market, thousands of residents) nearly all filings are duplicates, and several of those entries served no query.
-- Partial indexes keep only the rows their queries look for (SQLite uses one when the query's WHERE names the
-- index's condition, or compares the column for the IS NOT NULL ones; PostgreSQL proves the same).

-- complaint_reporter (reporter_address, filed_at) is the prefix of complaint_reporter_category (V56): every
-- look-up by reporter (a resident's latest complaints, the status question, the console's reporter page) reads
-- the same few rows through that one, and a resident has a handful of complaints to sort.
DROP INDEX complaint_reporter;

-- DuplicateFinder's candidates are the originals of a category, oldest first (then by ticket). Only originals
-- are kept, so a duplicate writes no entry, and the rows come in the query's order: no sort per filing.
DROP INDEX complaint_category_original;
CREATE INDEX complaint_original ON complaint (category_code, filed_at, ticket) WHERE duplicate_of IS NULL;

-- The Open311 forwarder looks only for complaints with a forward state; a desk without forwarding, and every
-- duplicate, has none.
DROP INDEX complaint_forward;
CREATE INDEX complaint_forward ON complaint (forward_state, forward_next_at) WHERE forward_state IS NOT NULL;

-- complaint_duplicate keeps its entries for originals (duplicate_of NULL): the counts of originals (console, Open311,
-- LIVE board) find them through it; made partial, SQLite walked every complaint of the table for them instead.
