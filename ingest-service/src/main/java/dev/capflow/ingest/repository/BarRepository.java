package dev.capflow.ingest.repository;

import dev.capflow.ingest.domain.BarRevision;
import dev.capflow.ingest.domain.BarWriteMode;
import dev.capflow.ingest.domain.CloseSeries;
import dev.capflow.ingest.domain.DailyBar;
import dev.capflow.ingest.domain.DividendPriorCloses;
import dev.capflow.ingest.domain.HistoryChange;
import dev.capflow.redis.PriceStreamEntries;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Daily bars through the reactive PostgreSQL client: one statement per batch, whatever its size. */
@ApplicationScoped
public class BarRepository {

    /**
     * One multi-row insert from parallel arrays; a bar already stored is skipped, not overwritten. When any bar is
     * new, the same statement records the change entry ($8, naming the symbols $9) in the outbox, so that it commits
     * with the bars. Answers how many bars were new.
     */
    private static final String INSERT = """
            WITH inserted AS (
                INSERT INTO ingest.daily_bar (symbol, date, open, high, low, close, volume)
                SELECT * FROM unnest($1::varchar[], $2::date[], $3::float8[], $4::float8[], $5::float8[],
                                     $6::float8[], $7::int8[])
                ON CONFLICT (symbol, date) DO NOTHING
                RETURNING 1),
            announced AS (
                INSERT INTO ingest.history_change_outbox (kind, symbols)
                SELECT $8::text, $9::text[] WHERE EXISTS (SELECT 1 FROM inserted))
            SELECT count(*) FROM inserted""";

    /**
     * After an insert in the same transaction: the stored bar of each bar it did not write whose values differ from
     * it, with the bar's position (1-based) in the insert's arrays.
     */
    private static final String CONFLICTS = """
            SELECT k.position, b.symbol, b.date, b.open, b.high, b.low, b.close, b.volume
            FROM unnest($1::varchar[], $2::date[], $3::float8[], $4::float8[], $5::float8[], $6::float8[], $7::int8[])
                WITH ORDINALITY AS k(symbol, date, open, high, low, close, volume, position)
            JOIN ingest.daily_bar b ON b.symbol = k.symbol AND b.date = k.date
            WHERE (b.open, b.high, b.low, b.close, b.volume) IS DISTINCT FROM (k.open, k.high, k.low, k.close, k.volume)
            ORDER BY k.position""";

    /** Locks the stored bars a correction may replace, so that concurrent corrections of one bar queue. */
    private static final String LOCK = """
            SELECT 1 FROM ingest.daily_bar b JOIN unnest($1::varchar[], $2::date[]) AS k(symbol, date)
                ON k.symbol = b.symbol AND k.date = b.date
            ORDER BY b.symbol, b.date FOR UPDATE OF b""";

    /**
     * A correction, run after {@link #LOCK} in the same transaction (so that it reads the newest committed versions):
     * bars with new values replace the stored ones after copying those to the audit trail; identical bars change
     * nothing. Each written row answers its symbol and whether it was new. (A FOR UPDATE here would skip the rows the
     * outer statement updates, and lose their audit.)
     */
    private static final String REPLACE = """
            WITH input AS (
                SELECT * FROM unnest($1::varchar[], $2::date[], $3::float8[], $4::float8[], $5::float8[],
                                     $6::float8[], $7::int8[]) AS t(symbol, date, open, high, low, close, volume)),
            previous AS (
                SELECT b.symbol, b.date, b.open, b.high, b.low, b.close, b.volume, b.created_at
                FROM ingest.daily_bar b JOIN input i ON i.symbol = b.symbol AND i.date = b.date
                WHERE (b.open, b.high, b.low, b.close, b.volume) IS DISTINCT FROM (i.open, i.high, i.low, i.close, i.volume)),
            audited AS (
                INSERT INTO ingest.daily_bar_revision (symbol, date, open, high, low, close, volume, stored_at)
                SELECT symbol, date, open, high, low, close, volume, created_at FROM previous)
            INSERT INTO ingest.daily_bar AS b (symbol, date, open, high, low, close, volume)
            SELECT * FROM input
            ON CONFLICT (symbol, date) DO UPDATE SET open = excluded.open, high = excluded.high, low = excluded.low,
                close = excluded.close, volume = excluded.volume, created_at = now()
            WHERE (b.open, b.high, b.low, b.close, b.volume)
                IS DISTINCT FROM (excluded.open, excluded.high, excluded.low, excluded.close, excluded.volume)
            RETURNING b.symbol, (xmax = 0) AS inserted""";

    private static final String REVISIONS = """
            SELECT symbol, date, open, high, low, close, volume, stored_at, replaced_at FROM ingest.daily_bar_revision
            WHERE symbol = $1 AND ($2::date IS NULL OR date >= $2) AND ($3::date IS NULL OR date <= $3)
            ORDER BY replaced_at DESC, date DESC""";

    private static final String SELECT = """
            SELECT symbol, date, open, high, low, close, volume FROM ingest.daily_bar
            WHERE symbol = ANY($1) AND ($2::date IS NULL OR date >= $2) AND ($3::date IS NULL OR date <= $3)
            ORDER BY symbol, date""";

    /**
     * The dates (days since 1970-01-01) and closes of each symbol packed into one bytea of 12 bytes a bar (int4send
     * and float8send: big-endian, bit-exact), so that a read decodes one value per symbol instead of a row per bar.
     * The primary key carries the close (V8), so this is an index-only scan. The aggregate does not sort (that sort
     * was about a third of the read): its bars come in the order the scan yields them, the index's or the table's
     * (for bars stored day after day, by date as well), and {@link CloseSeries#byDate} sorts a series that is not
     * ascending. (An ORDER BY in a subquery is no cheaper: the planner sorts a bitmap scan's rows for it.) The date
     * bounds are written so that a generic plan still bounds the index scan by them, instead of filtering every bar
     * of the symbols.
     */
    private static final String SELECT_CLOSES = """
            SELECT symbol, string_agg(int4send(date - DATE '1970-01-01') || float8send(close), ''::bytea)
            FROM ingest.daily_bar
            WHERE symbol = ANY($1) AND date >= coalesce($2::date, '-infinity'::date)
                AND date <= coalesce($3::date, 'infinity'::date)
            GROUP BY symbol""";

    private static final int PACKED_CLOSE_BYTES = Integer.BYTES + Double.BYTES;

    private static final String LAST_CLOSE_BEFORE = """
            SELECT date, close FROM ingest.daily_bar WHERE symbol = $1 AND date < $2
            ORDER BY date DESC LIMIT 1""";

    /** Each recorded dividend of the symbols $1, with the date of the last bar before its ex-date (null if none). */
    private static final String RECORDED_DIVIDENDS = """
            SELECT a.symbol, a.ex_date, a.amount,
                (SELECT max(b.date) FROM ingest.daily_bar b WHERE b.symbol = a.symbol AND b.date < a.ex_date)
                    AS last_bar_before
            FROM ingest.corporate_action a WHERE a.kind = 'DIVIDEND' AND a.symbol = ANY($1)""";

    private final Pool pool;
    private final ReadPools reads;

    public BarRepository(Pool pool, ReadPools reads) {
        this.pool = pool;
        this.reads = reads;
    }

    /**
     * What one write did: how many bars were new, the symbol of each bar that replaced a different version, and each
     * bar an insert left unwritten because a bar with other values is stored for its symbol and date.
     */
    public record Written(int inserted, List<String> replacedSymbols, List<Conflict> conflicts) {

        public static final Written NOTHING = new Written(0, List.of(), List.of());

        public int replaced() {
            return replacedSymbols.size();
        }
    }

    /**
     * Runs {@code work} in one transaction, committed before the answer, that first holds the dividend lock of each of
     * {@code symbols} shared: no dividend of theirs is recorded until it ends, so the dividends it reads stay true while
     * it writes bars checked against them.
     */
    public <T> Uni<T> inBarWrite(Collection<String> symbols, Function<BarWrite, Uni<T>> work) {
        return pool.withTransaction(connection -> connection
                        .preparedQuery(DividendLocks.SHARED)
                        .execute(Tuple.of(symbols.toArray(String[]::new)))
                        .chain(() -> work.apply(new BarWrite(connection))))
                .invoke(reads::wrote);
    }

    /** A bar an insert left unwritten, at {@code position} of the bars written, and the other bar stored for its key. */
    public record Conflict(int position, DailyBar stored) {}

    /** The statements of a bar write's transaction ({@link #inBarWrite}). */
    public static final class BarWrite {

        private final SqlConnection connection;

        private BarWrite(SqlConnection connection) {
            this.connection = connection;
        }

        /** The recorded dividends of {@code symbols}, each with the date of its last stored bar before the ex-date. */
        public Uni<List<DividendPriorCloses.RecordedDividend>> recordedDividends(Collection<String> symbols) {
            return connection
                    .preparedQuery(RECORDED_DIVIDENDS)
                    .execute(Tuple.of(symbols.toArray(String[]::new)))
                    .map(BarRepository::recordedDividends);
        }

        /**
         * Stores {@code bars} in {@code mode}: insert-only, or replacing changed ones; records the change entries that
         * announce it in the {@link HistoryChangeOutbox}: a {@link PriceStreamEntries#BARS} entry naming the symbols
         * of {@code bars} when any bar was new, a {@link PriceStreamEntries#BARS_REPLACED} entry naming the corrected
         * symbols when any bar replaced another version.
         */
        public Uni<Written> write(List<DailyBar> bars, BarWriteMode mode) {
            if (bars.isEmpty()) {
                return Uni.createFrom().item(Written.NOTHING);
            }
            Tuple params = arrays(bars);
            List<String> symbols = distinct(bars.stream().map(DailyBar::symbol).toList());
            if (mode == BarWriteMode.INSERT) {
                return connection
                        .preparedQuery(INSERT)
                        .execute(params.addString(PriceStreamEntries.BARS)
                                .addArrayOfString(symbols.toArray(String[]::new)))
                        .map(rows -> Math.toIntExact(rows.iterator().next().getLong(0)))
                        .chain(inserted -> inserted == bars.size()
                                ? Uni.createFrom().item(new Written(inserted, List.of(), List.of()))
                                : conflicts(bars).map(conflicts -> new Written(inserted, List.of(), conflicts)));
            }
            Tuple keys = Tuple.tuple()
                    .addArrayOfString(bars.stream().map(DailyBar::symbol).toArray(String[]::new))
                    .addArrayOfLocalDate(bars.stream().map(DailyBar::date).toArray(LocalDate[]::new));
            return connection
                    .preparedQuery(LOCK)
                    .execute(keys)
                    .chain(() -> connection.preparedQuery(REPLACE).execute(params))
                    .map(BarRepository::written)
                    .call(written -> connection
                            .preparedQuery(HistoryChangeOutbox.RECORD_TWO)
                            .execute(HistoryChangeOutbox.recordTwo(
                                    new HistoryChange(
                                            PriceStreamEntries.BARS, written.inserted() > 0 ? symbols : List.of()),
                                    new HistoryChange(
                                            PriceStreamEntries.BARS_REPLACED, distinct(written.replacedSymbols())))));
        }

        /** The {@code bars} an insert left beside another stored version (none for a plain retry). */
        private Uni<List<Conflict>> conflicts(List<DailyBar> bars) {
            return connection.preparedQuery(CONFLICTS).execute(arrays(bars)).map(rows -> {
                List<Conflict> conflicts = new ArrayList<>();
                for (Row row : rows) {
                    conflicts.add(new Conflict(Math.toIntExact(row.getLong("position")) - 1, bar(row)));
                }
                return conflicts;
            });
        }
    }

    /** {@code symbols} each once, in their first order (a change entry names a symbol once). */
    private static List<String> distinct(List<String> symbols) {
        return List.copyOf(new LinkedHashSet<>(symbols));
    }

    private static Written written(RowSet<Row> rows) {
        int inserted = 0;
        List<String> replaced = new ArrayList<>();
        for (Row row : rows) {
            if (row.getBoolean("inserted")) {
                inserted++;
            } else {
                replaced.add(row.getString("symbol"));
            }
        }
        return new Written(inserted, replaced, List.of());
    }

    /** The replaced versions of {@code symbol}'s bars within the inclusive bounds (null = unbounded), newest first. */
    public Uni<List<BarRevision>> revisions(String symbol, LocalDate from, LocalDate to) {
        return pool.preparedQuery(REVISIONS).execute(Tuple.of(symbol, from, to)).map(rows -> {
            List<BarRevision> revisions = new ArrayList<>(rows.size());
            for (Row row : rows) {
                revisions.add(new BarRevision(
                        bar(row),
                        row.getOffsetDateTime("stored_at").toInstant(),
                        row.getOffsetDateTime("replaced_at").toInstant()));
            }
            return revisions;
        });
    }

    private static Tuple arrays(List<DailyBar> bars) {
        int n = bars.size();
        String[] symbols = new String[n];
        LocalDate[] dates = new LocalDate[n];
        Double[] open = new Double[n];
        Double[] high = new Double[n];
        Double[] low = new Double[n];
        Double[] close = new Double[n];
        Long[] volume = new Long[n];
        for (int i = 0; i < n; i++) {
            DailyBar bar = bars.get(i);
            symbols[i] = bar.symbol();
            dates[i] = bar.date();
            open[i] = bar.open();
            high[i] = bar.high();
            low[i] = bar.low();
            close[i] = bar.close();
            volume[i] = bar.volume();
        }
        return Tuple.tuple()
                .addArrayOfString(symbols)
                .addArrayOfLocalDate(dates)
                .addArrayOfDouble(open)
                .addArrayOfDouble(high)
                .addArrayOfDouble(low)
                .addArrayOfDouble(close)
                .addArrayOfLong(volume);
    }

    private static DailyBar bar(Row row) {
        return new DailyBar(
                row.getString("symbol"),
                row.getLocalDate("date"),
                row.getDouble("open"),
                row.getDouble("high"),
                row.getDouble("low"),
                row.getDouble("close"),
                row.getLong("volume"));
    }

    /** The raw bars of {@code symbols} within the inclusive bounds (null = unbounded), by symbol and date. */
    public Uni<List<DailyBar>> find(Collection<String> symbols, LocalDate from, LocalDate to) {
        Tuple params = Tuple.tuple()
                .addArrayOfString(symbols.toArray(String[]::new))
                .addLocalDate(from)
                .addLocalDate(to);
        return reads.anyAge().preparedQuery(SELECT).execute(params).map(rows -> {
            List<DailyBar> bars = new ArrayList<>(rows.size());
            for (Row row : rows) {
                bars.add(bar(row));
            }
            return bars;
        });
    }

    /**
     * The raw closes of {@code symbols} within the inclusive bounds (null = unbounded), one series per symbol that has
     * a bar there, in no particular order.
     */
    public Uni<List<CloseSeries>> closes(Collection<String> symbols, LocalDate from, LocalDate to) {
        Tuple params = Tuple.tuple()
                .addArrayOfString(symbols.toArray(String[]::new))
                .addLocalDate(from)
                .addLocalDate(to);
        return reads.anyAge().preparedQuery(SELECT_CLOSES).execute(params).map(rows -> {
            List<CloseSeries> series = new ArrayList<>(rows.size());
            for (Row row : rows) {
                series.add(unpack(row.getString(0), row.getBuffer(1)));
            }
            return series;
        });
    }

    private static CloseSeries unpack(String symbol, Buffer packed) {
        int size = packed.length() / PACKED_CLOSE_BYTES;
        int[] epochDays = new int[size];
        double[] closes = new double[size];
        for (int i = 0; i < size; i++) {
            epochDays[i] = packed.getInt(i * PACKED_CLOSE_BYTES);
            closes[i] = packed.getDouble(i * PACKED_CLOSE_BYTES + Integer.BYTES);
        }
        return CloseSeries.byDate(symbol, epochDays, closes);
    }

    private static List<DividendPriorCloses.RecordedDividend> recordedDividends(RowSet<Row> rows) {
        List<DividendPriorCloses.RecordedDividend> dividends = new ArrayList<>(rows.size());
        for (Row row : rows) {
            dividends.add(new DividendPriorCloses.RecordedDividend(
                    row.getString("symbol"),
                    row.getLocalDate("ex_date"),
                    row.getDouble("amount"),
                    row.getLocalDate("last_bar_before")));
        }
        return dividends;
    }

    /**
     * The close of the last bar of {@code symbol} dated before {@code date}, if any. It checks a corporate action
     * about to be written, so it reads the primary.
     */
    public Uni<Optional<Double>> lastCloseBefore(String symbol, LocalDate date) {
        return pool.preparedQuery(LAST_CLOSE_BEFORE)
                .execute(Tuple.of(symbol, date))
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.of(rows.iterator().next().getDouble("close")));
    }
}
