-- A fold and the retention of minute bars take turns. Without it, a fold that removed the pending part of a month past
-- the retention, and then merged it into the DEFAULT partition, could commit just after the retention had cleared that
-- partition: the dropped month's bar came back until the next retention run. The fold now holds the shared form of
-- the advisory lock that the retention (and the creation of partitions) holds exclusively, so each waits for the
-- other; folds still run side by side. V7's fold is kept as it is, under a new name, and called once the lock is held:
-- a volatile SQL function takes a new snapshot per statement, so a fold that waited sees what the retention deleted.
ALTER FUNCTION fold_minute_bars() RENAME TO fold_minute_bars_holding_lock;

CREATE FUNCTION fold_minute_bars() RETURNS bigint
    LANGUAGE sql AS $$
SELECT pg_advisory_xact_lock_shared(hashtext('ingest.minute_bar partitions'));
SELECT ingest.fold_minute_bars_holding_lock();
$$;
