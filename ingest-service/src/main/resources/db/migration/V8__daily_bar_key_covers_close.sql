-- The primary key of ingest.daily_bar also carries each bar's close (INCLUDE: not part of the key, no change to
-- uniqueness or to ON CONFLICT (symbol, date)), so that a closes read (BarRepository.closes: dates and closes of many
-- symbols) is an index-only scan: the key's entries already hold what it needs in (symbol, date) order, and no table
-- page is visited for a page the visibility map marks all-visible. One index as before, about 8 bytes wider an entry.
-- Rebuilding the key locks the table while it runs (seconds for millions of bars).
ALTER TABLE daily_bar
    DROP CONSTRAINT daily_bar_pkey,
    ADD CONSTRAINT daily_bar_pkey PRIMARY KEY (symbol, date) INCLUDE (close);
