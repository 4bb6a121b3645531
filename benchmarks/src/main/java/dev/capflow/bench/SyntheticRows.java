package dev.capflow.bench;

import dev.capflow.proto.ingest.v1.DailyBar;
import dev.capflow.testsupport.SyntheticPrices;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The first {@code count} symbols of test-support's {@link SyntheticPrices} on every day of [from, to] they trade:
 * closes a pandas script can recompute, gaps the basket engine carries over.
 */
final class SyntheticRows implements BarRows {

    private final int count;
    private final LocalDate from;
    private final LocalDate to;
    private final long total;

    SyntheticRows(int count, LocalDate from, LocalDate to) {
        this.count = count;
        this.from = from;
        this.to = to;
        long bars = 0;
        for (Iterator<DailyBar> it = bars(); it.hasNext(); it.next()) {
            bars++;
        }
        this.total = bars;
    }

    @Override
    public List<String> symbols() {
        List<String> symbols = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            symbols.add(SyntheticPrices.symbol(i));
        }
        return symbols;
    }

    @Override
    public long total() {
        return total;
    }

    @Override
    public Iterator<DailyBar> bars() {
        return new Iterator<>() {
            private int index;
            private LocalDate date = from.minusDays(1);
            private boolean ready;

            @Override
            public boolean hasNext() {
                while (!ready && index < count) {
                    date = date.plusDays(1);
                    if (date.isAfter(to)) {
                        index++;
                        date = from.minusDays(1);
                    } else {
                        ready = SyntheticPrices.trades(index, date);
                    }
                }
                return ready;
            }

            @Override
            public DailyBar next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                ready = false;
                double close = SyntheticPrices.close(index, date);
                return DailyBar.newBuilder()
                        .setSymbol(SyntheticPrices.symbol(index))
                        .setDate(date.toString())
                        .setOpen(close)
                        .setHigh(close)
                        .setLow(close)
                        .setClose(close)
                        .setVolume(1_000)
                        .build();
            }
        };
    }
}
