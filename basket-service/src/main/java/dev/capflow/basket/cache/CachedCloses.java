package dev.capflow.basket.cache;

import dev.capflow.basket.engine.TimeSeries;
import dev.capflow.proto.ingest.v1.DailyBar;
import dev.capflow.proto.ingest.v1.GetBarsBatchResponse;
import dev.capflow.proto.ingest.v1.GetBarsResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** Close series as the message a history cache entry holds: one series per symbol, bars with a date and a close. */
public final class CachedCloses {

    private CachedCloses() {}

    /** How many closes {@code closes} holds in all. */
    public static long points(Map<String, TimeSeries> closes) {
        return closes.values().stream().mapToLong(TimeSeries::size).sum();
    }

    public static GetBarsBatchResponse toMessage(Map<String, TimeSeries> closes) {
        GetBarsBatchResponse.Builder message = GetBarsBatchResponse.newBuilder();
        closes.forEach((symbol, series) -> {
            GetBarsResponse.Builder bars = message.addSeriesBuilder().setSymbol(symbol);
            for (int i = 0; i < series.size(); i++) {
                bars.addBars(
                        DailyBar.newBuilder().setDate(series.date(i).toString()).setClose(series.value(i)));
            }
        });
        return message.build();
    }

    public static Map<String, TimeSeries> fromMessage(GetBarsBatchResponse message) {
        Map<String, TimeSeries> closes = new LinkedHashMap<>();
        for (GetBarsResponse series : message.getSeriesList()) {
            TimeSeries.Builder builder = TimeSeries.builder();
            series.getBarsList().forEach(bar -> builder.add(LocalDate.parse(bar.getDate()), bar.getClose()));
            closes.put(series.getSymbol(), builder.build());
        }
        return closes;
    }
}
