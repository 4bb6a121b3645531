package dev.capflow.basket.client;

import dev.capflow.basket.engine.TimeSeries;
import dev.capflow.proto.ingest.v1.DailyBar;
import dev.capflow.proto.ingest.v1.StreamBarsResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** Folds StreamBars pieces into one close series per symbol, in the order the symbols first appear. */
final class ClosesCollector {

    private final Map<String, TimeSeries.Builder> series = new LinkedHashMap<>();

    void add(StreamBarsResponse piece) {
        TimeSeries.Builder closes = series.computeIfAbsent(piece.getSymbol(), symbol -> TimeSeries.builder());
        for (DailyBar bar : piece.getBarsList()) {
            closes.add(LocalDate.parse(bar.getDate()), bar.getClose());
        }
    }

    Map<String, TimeSeries> closes() {
        Map<String, TimeSeries> closes = new LinkedHashMap<>();
        series.forEach((symbol, builder) -> closes.put(symbol, builder.build()));
        return closes;
    }
}
