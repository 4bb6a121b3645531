-- A tick's identity is its source and trade id, not only its microsecond: two real trades of one symbol in the same
-- microsecond are two rows; a resend (same symbol, ts, source and trade id) is still found as a duplicate.
-- Ticks stored before this migration, and ticks sent without an identity, have '' for both.
ALTER TABLE tick
    ADD COLUMN source   varchar(64) NOT NULL DEFAULT '',
    ADD COLUMN trade_id varchar(64) NOT NULL DEFAULT '';

ALTER TABLE tick DROP CONSTRAINT tick_pkey;
ALTER TABLE tick ADD PRIMARY KEY (symbol, ts, source, trade_id);
