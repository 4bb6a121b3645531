package dev.capflow.basket.engine;

import java.time.LocalDate;

/** Builds small series for hand-checked tests: {@code Series.of("2024-01-02", 10.0, "2024-01-03", 11.0)}. */
final class Series {

    private Series() {}

    static TimeSeries of(Object... dateValuePairs) {
        TimeSeries.Builder builder = TimeSeries.builder();
        for (int i = 0; i < dateValuePairs.length; i += 2) {
            builder.add(LocalDate.parse((String) dateValuePairs[i]), ((Number) dateValuePairs[i + 1]).doubleValue());
        }
        return builder.build();
    }

    static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }
}
