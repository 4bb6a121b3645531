-- ingest.tick becomes a table partitioned by month of its timestamp (UTC months). The primary key
-- (symbol, ts, source, trade_id) already holds the partition key ts, so it stays the tick's identity and its dedup key:
-- a tick's ts names exactly one partition, so one key is unique across the whole table.
-- A DEFAULT partition takes any tick whose month has no partition yet: no insert ever fails for lack of a partition.

-- Creates the partition of the UTC month that starts on month_start, if missing. Ticks of that month already in the
-- DEFAULT partition are moved into it first (attaching would fail otherwise). Serialized by a transaction-scoped
-- advisory lock, so service replicas may call it concurrently. Answers true when it created the partition.
CREATE FUNCTION ensure_tick_partition(month_start date) RETURNS boolean
    LANGUAGE plpgsql AS $$
DECLARE
    first_day date        := date_trunc('month', month_start)::date;
    lo        timestamptz := first_day::timestamp AT TIME ZONE 'UTC';
    hi        timestamptz := (first_day + interval '1 month')::timestamp AT TIME ZONE 'UTC';
    part_name text        := 'tick_p' || to_char(first_day, 'YYYYMM');
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('ingest.tick partitions'));
    IF to_regclass(format('ingest.%I', part_name)) IS NOT NULL THEN
        RETURN false;
    END IF;
    EXECUTE format('CREATE TABLE ingest.%I (LIKE ingest.tick INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', part_name);
    EXECUTE format('WITH moved AS (DELETE FROM ingest.tick_default WHERE ts >= $1 AND ts < $2 RETURNING *) '
                   'INSERT INTO ingest.%I SELECT * FROM moved', part_name) USING lo, hi;
    EXECUTE format('ALTER TABLE ingest.tick ATTACH PARTITION ingest.%I FOR VALUES FROM (%L) TO (%L)',
                   part_name, lo, hi);
    RETURN true;
END $$;

-- Drops every monthly partition whose whole month is before cutoff, and deletes the ticks before cutoff that sit in
-- the DEFAULT partition. Answers the names of the dropped partitions.
CREATE FUNCTION drop_tick_partitions_before(cutoff timestamptz) RETURNS SETOF text
    LANGUAGE plpgsql AS $$
DECLARE
    part text;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('ingest.tick partitions'));
    FOR part IN
        SELECT c.relname FROM pg_inherits i
            JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = 'ingest.tick'::regclass AND c.relname ~ '^tick_p[0-9]{6}$'
          AND (to_date(substr(c.relname, 7), 'YYYYMM') + interval '1 month')::timestamp AT TIME ZONE 'UTC' <= cutoff
        ORDER BY c.relname
    LOOP
        EXECUTE format('DROP TABLE ingest.%I', part);
        RETURN NEXT part;
    END LOOP;
    DELETE FROM ingest.tick_default WHERE ts < cutoff;
END $$;

ALTER TABLE tick RENAME TO tick_unpartitioned;
ALTER TABLE tick_unpartitioned RENAME CONSTRAINT tick_pkey TO tick_unpartitioned_pkey;
ALTER TABLE tick_unpartitioned RENAME CONSTRAINT tick_price_check TO tick_unpartitioned_price_check;
ALTER TABLE tick_unpartitioned RENAME CONSTRAINT tick_size_check TO tick_unpartitioned_size_check;

CREATE TABLE tick (
    symbol     varchar(32)      NOT NULL,
    ts         timestamptz      NOT NULL,
    price      double precision NOT NULL CHECK (price > 0 AND price < 'Infinity'),
    size       bigint           NOT NULL CHECK (size >= 0),
    created_at timestamptz      NOT NULL DEFAULT now(),
    source     varchar(64)      NOT NULL DEFAULT '',
    trade_id   varchar(64)      NOT NULL DEFAULT '',
    PRIMARY KEY (symbol, ts, source, trade_id)
) PARTITION BY RANGE (ts);

CREATE TABLE tick_default PARTITION OF tick DEFAULT;

-- a partition for every month that holds ticks, and for this month and the next three (the service keeps creating
-- them ahead from now on)
SELECT ensure_tick_partition(month)
FROM (SELECT DISTINCT date_trunc('month', ts AT TIME ZONE 'UTC')::date AS month FROM tick_unpartitioned
      UNION
      SELECT (date_trunc('month', now() AT TIME ZONE 'UTC') + make_interval(months => ahead))::date
      FROM generate_series(0, 3) AS ahead) AS months;

INSERT INTO tick (symbol, ts, price, size, created_at, source, trade_id)
SELECT symbol, ts, price, size, created_at, source, trade_id FROM tick_unpartitioned;

DROP TABLE tick_unpartitioned;
