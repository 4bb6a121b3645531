package dev.capflow.bench;

import dev.capflow.proto.ingest.v1.DailyBar;
import java.util.Iterator;
import java.util.List;

/** Every symbol on every date, with plausible values that follow no market. */
record GridRows(List<String> symbols, List<String> dates) implements BarRows {

    @Override
    public long total() {
        return (long) symbols.size() * dates.size();
    }

    @Override
    public Iterator<DailyBar> bars() {
        return new Iterator<>() {
            private long next;

            @Override
            public boolean hasNext() {
                return next < total();
            }

            @Override
            public DailyBar next() {
                return bar(next++);
            }
        };
    }

    private DailyBar bar(long i) {
        String symbol = symbols.get((int) (i / dates.size()));
        String date = dates.get((int) (i % dates.size()));
        double close = 20 + (i % 997) / 10.0;
        return DailyBar.newBuilder()
                .setSymbol(symbol)
                .setDate(date)
                .setOpen(close - 0.5)
                .setHigh(close + 1)
                .setLow(close - 1)
                .setClose(close)
                .setVolume(1_000 + i % 50_000)
                .build();
    }
}
