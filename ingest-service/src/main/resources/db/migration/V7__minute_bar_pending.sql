-- Minute bars without a row lock per batch. The tick statement used to merge each batch into ingest.minute_bar by
-- ON CONFLICT DO UPDATE, which locks the batch's bar rows to its commit: concurrent batches of the same minutes (every
-- batch of a live feed) stored their ticks in parallel and then merged one after another. Now the tick statement only
-- appends the batch's partial bars, computed from the ticks it stored, to minute_bar_pending (no key, no lock), in
-- the same transaction; fold_minute_bars() moves the pending parts into minute_bar later, and minute_bar_current, what
-- the service reads, merges the two. So a bar is complete exactly when its ticks are acknowledged, as before.
--
-- A part holds one (symbol, minute) of one batch, with the keys of its open and close ticks, like a bar. Parts merge
-- as bars do: open and close of the earliest and latest key, high and low the extremes, volume and tick_count summed.
CREATE TABLE minute_bar_pending (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    LIKE minute_bar
);

CREATE INDEX minute_bar_pending_symbol_minute ON minute_bar_pending (symbol, minute);

-- Every bar: the stored bar merged with its pending parts (a bar may be only parts, or only stored).
CREATE VIEW minute_bar_current AS
SELECT symbol, minute,
       (array_agg(open ORDER BY open_ts, open_source, open_trade_id))[1] AS open, max(high) AS high, min(low) AS low,
       (array_agg(close ORDER BY close_ts DESC, close_source DESC, close_trade_id DESC))[1] AS close,
       sum(volume)::bigint AS volume, sum(tick_count)::bigint AS tick_count
FROM (SELECT symbol, minute, open, high, low, close, volume, tick_count, open_ts, open_source, open_trade_id,
             close_ts, close_source, close_trade_id
      FROM minute_bar
      UNION ALL
      SELECT symbol, minute, open, high, low, close, volume, tick_count, open_ts, open_source, open_trade_id,
             close_ts, close_source, close_trade_id
      FROM minute_bar_pending) AS parts
GROUP BY symbol, minute;

-- Moves the pending parts committed so far into minute_bar, in one transaction, and answers how many it moved. It
-- merges exactly the parts its DELETE removed: a part committed meanwhile stays for the next call, and of two
-- concurrent calls (two replicas) each merges only the parts it deleted, so a part is merged once. Bars are locked in
-- key order, so two calls do not deadlock.
CREATE FUNCTION fold_minute_bars() RETURNS bigint
    LANGUAGE sql AS $$
WITH moved AS (
    DELETE FROM ingest.minute_bar_pending RETURNING *
), folded AS (
    INSERT INTO ingest.minute_bar AS bar
    SELECT symbol, minute,
           (array_agg(open ORDER BY open_ts, open_source, open_trade_id))[1], max(high), min(low),
           (array_agg(close ORDER BY close_ts DESC, close_source DESC, close_trade_id DESC))[1],
           sum(volume), sum(tick_count),
           min(open_ts), (array_agg(open_source ORDER BY open_ts, open_source, open_trade_id))[1],
           (array_agg(open_trade_id ORDER BY open_ts, open_source, open_trade_id))[1],
           max(close_ts), (array_agg(close_source ORDER BY close_ts DESC, close_source DESC, close_trade_id DESC))[1],
           (array_agg(close_trade_id ORDER BY close_ts DESC, close_source DESC, close_trade_id DESC))[1]
    FROM moved GROUP BY symbol, minute ORDER BY symbol, minute
    ON CONFLICT (symbol, minute) DO UPDATE SET
        high = greatest(bar.high, excluded.high), low = least(bar.low, excluded.low),
        volume = bar.volume + excluded.volume, tick_count = bar.tick_count + excluded.tick_count,
        (open, open_ts, open_source, open_trade_id) = (SELECT * FROM (VALUES
                (bar.open, bar.open_ts, bar.open_source, bar.open_trade_id),
                (excluded.open, excluded.open_ts, excluded.open_source, excluded.open_trade_id)) AS o
            ORDER BY 2, 3, 4 LIMIT 1),
        (close, close_ts, close_source, close_trade_id) = (SELECT * FROM (VALUES
                (bar.close, bar.close_ts, bar.close_source, bar.close_trade_id),
                (excluded.close, excluded.close_ts, excluded.close_source, excluded.close_trade_id)) AS c
            ORDER BY 2 DESC, 3 DESC, 4 DESC LIMIT 1)
)
SELECT count(*) FROM moved
$$;

-- The retention of V6, now also over the pending parts of a table that has them (minute_bar_pending): a part of a month
-- past the retention is deleted with the month's bars instead of bringing its bar back when folded.
CREATE OR REPLACE FUNCTION drop_month_partitions_before(parent text, time_column text, cutoff timestamptz)
    RETURNS SETOF text
    LANGUAGE plpgsql AS $$
DECLARE
    part text;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('ingest.' || parent || ' partitions'));
    FOR part IN
        SELECT c.relname FROM pg_inherits i
            JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = format('ingest.%I', parent)::regclass AND c.relname ~ ('^' || parent || '_p[0-9]{6}$')
          AND (to_date(right(c.relname, 6), 'YYYYMM') + interval '1 month')::timestamp AT TIME ZONE 'UTC' <= cutoff
        ORDER BY c.relname
    LOOP
        EXECUTE format('DROP TABLE ingest.%I', part);
        RETURN NEXT part;
    END LOOP;
    EXECUTE format('DELETE FROM ingest.%I WHERE %I < $1', parent || '_default', time_column) USING cutoff;
    IF to_regclass(format('ingest.%I', parent || '_pending')) IS NOT NULL THEN
        EXECUTE format('DELETE FROM ingest.%I WHERE %I < $1', parent || '_pending', time_column) USING cutoff;
    END IF;
END $$;
