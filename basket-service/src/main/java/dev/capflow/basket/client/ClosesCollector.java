package dev.capflow.basket.client;

import dev.capflow.basket.engine.TimeSeries;
import dev.capflow.proto.ingest.v1.CloseColumns;
import dev.capflow.proto.ingest.v1.DailyBar;
import dev.capflow.proto.ingest.v1.StreamBarsResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Folds StreamBars pieces, as packed close columns or as whole bars, into one close series per symbol, in the order the
 * symbols first appear.
 */
final class ClosesCollector {

    private final Map<String, TimeSeries.Builder> series = new LinkedHashMap<>();

    void add(StreamBarsResponse piece) {
        TimeSeries.Builder closes = series.computeIfAbsent(piece.getSymbol(), symbol -> TimeSeries.builder());
        CloseColumns columns = piece.getCloses();
        for (int i = 0; i < columns.getEpochDaysCount(); i++) {
            closes.addEpochDay(columns.getEpochDays(i), columns.getCloses(i));
        }
        // an ingest-service that predates closes_only answers whole bars
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
