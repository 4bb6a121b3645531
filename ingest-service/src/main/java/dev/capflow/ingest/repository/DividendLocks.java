package dev.capflow.ingest.repository;

/**
 * One PostgreSQL advisory lock per symbol, held to the end of a transaction, that makes recording a cash dividend and
 * writing the symbol's daily bars take turns. Each checks the other's data (a dividend the close of the last bar before
 * its ex-date, a bar write the recorded dividends), so each must see what the other committed. Bar writes hold it
 * shared and never wait for each other; recording a dividend holds it exclusively. The two-key form keeps these locks
 * apart from the one-key advisory locks of the partition maintenance.
 */
final class DividendLocks {

    /** The first key of every such lock ("CDIV"); the second is the symbol's {@code hashtext}. */
    static final int LOCK_CLASS = 0x43444956;

    /** Waits for the shared lock of each distinct symbol of $1, in one order. */
    static final String SHARED = "SELECT count(pg_advisory_xact_lock_shared(" + LOCK_CLASS
            + ", hashtext(symbol))) FROM (SELECT DISTINCT unnest($1::text[]) AS symbol ORDER BY 1) AS symbols";

    /** Waits for the exclusive lock of the symbol :symbol (a native query of Hibernate Reactive). */
    static final String EXCLUSIVE = "SELECT count(*) FROM pg_advisory_xact_lock(" + LOCK_CLASS + ", hashtext(:symbol))";

    private DividendLocks() {}
}
