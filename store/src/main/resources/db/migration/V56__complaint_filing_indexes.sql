-- Two look-ups made at every complaint filing, each given an index that answers it with a handful of rows.
-- Without them SQLite took complaint_category_filed and walked every complaint of the category: a flood of
-- one category (the bench's complaint phase: thousands of "sampah" complaints at one market) made each filing
-- cost milliseconds, and SMS turns fell from about 7,800 to about 600-1,300 a second.
-- ComplaintRows.adoptOrphan: this resident's own recent filings of the category.
CREATE INDEX complaint_reporter_category ON complaint (reporter_address, category_code, filed_at);
-- DuplicateFinder.find: the category's complaints that are not duplicates themselves, oldest first.
CREATE INDEX complaint_category_original ON complaint (category_code, duplicate_of, filed_at);
