-- ingest.minute_bar becomes a table partitioned by UTC month of its minute, like ingest.tick (V4), so that its own
-- retention (capflow.ingest.minute-bar-retention) drops whole months. The primary key (symbol, minute) holds the
-- partition key, so the upsert of the tick path (ON CONFLICT (symbol, minute)) is unchanged. A DEFAULT partition takes
-- any bar whose month has no partition yet.
--
-- The partition functions become generic over the parent table and its time column; V4's tick functions now call them
-- (same lock, same names, same behaviour).

-- Creates the partition of the UTC month that starts on month_start of ingest.<parent>, named <parent>_pYYYYMM, if
-- missing; rows of that month already in <parent>_default are moved into it first. Serialized per parent by a
-- transaction-scoped advisory lock. Answers true when it created the partition.
CREATE FUNCTION ensure_month_partition(parent text, time_column text, month_start date) RETURNS boolean
    LANGUAGE plpgsql AS $$
DECLARE
    first_day date        := date_trunc('month', month_start)::date;
    lo        timestamptz := first_day::timestamp AT TIME ZONE 'UTC';
    hi        timestamptz := (first_day + interval '1 month')::timestamp AT TIME ZONE 'UTC';
    part_name text        := parent || '_p' || to_char(first_day, 'YYYYMM');
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('ingest.' || parent || ' partitions'));
    IF to_regclass(format('ingest.%I', part_name)) IS NOT NULL THEN
        RETURN false;
    END IF;
    EXECUTE format('CREATE TABLE ingest.%I (LIKE ingest.%I INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', part_name, parent);
    EXECUTE format('WITH moved AS (DELETE FROM ingest.%I WHERE %I >= $1 AND %I < $2 RETURNING *) '
                   'INSERT INTO ingest.%I SELECT * FROM moved', parent || '_default', time_column, time_column, part_name)
        USING lo, hi;
    EXECUTE format('ALTER TABLE ingest.%I ATTACH PARTITION ingest.%I FOR VALUES FROM (%L) TO (%L)',
                   parent, part_name, lo, hi);
    RETURN true;
END $$;

-- Drops every monthly partition of ingest.<parent> whose whole month is before cutoff, and deletes the rows before
-- cutoff that sit in <parent>_default. Answers the names of the dropped partitions.
CREATE FUNCTION drop_month_partitions_before(parent text, time_column text, cutoff timestamptz) RETURNS SETOF text
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
END $$;

CREATE OR REPLACE FUNCTION ensure_tick_partition(month_start date) RETURNS boolean
    LANGUAGE sql AS $$ SELECT ingest.ensure_month_partition('tick', 'ts', month_start) $$;

CREATE OR REPLACE FUNCTION drop_tick_partitions_before(cutoff timestamptz) RETURNS SETOF text
    LANGUAGE sql AS $$ SELECT ingest.drop_month_partitions_before('tick', 'ts', cutoff) $$;

ALTER TABLE minute_bar RENAME TO minute_bar_unpartitioned;
ALTER TABLE minute_bar_unpartitioned RENAME CONSTRAINT minute_bar_pkey TO minute_bar_unpartitioned_pkey;

CREATE TABLE minute_bar (LIKE minute_bar_unpartitioned INCLUDING DEFAULTS INCLUDING CONSTRAINTS,
                         PRIMARY KEY (symbol, minute)) PARTITION BY RANGE (minute);

CREATE TABLE minute_bar_default PARTITION OF minute_bar DEFAULT;

-- a partition for every month that holds bars, and for this month and the next three (the service keeps creating
-- them ahead from now on, with the tick partitions)
SELECT ensure_month_partition('minute_bar', 'minute', month)
FROM (SELECT DISTINCT date_trunc('month', minute AT TIME ZONE 'UTC')::date AS month FROM minute_bar_unpartitioned
      UNION
      SELECT (date_trunc('month', now() AT TIME ZONE 'UTC') + make_interval(months => ahead))::date
      FROM generate_series(0, 3) AS ahead) AS months;

INSERT INTO minute_bar SELECT * FROM minute_bar_unpartitioned;

DROP TABLE minute_bar_unpartitioned;
