package dev.capflow.basket.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capflow.basket.engine.TimeSeries;
import dev.capflow.proto.ingest.v1.CloseColumns;
import dev.capflow.proto.ingest.v1.DailyBar;
import dev.capflow.proto.ingest.v1.StreamBarsResponse;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClosesCollectorTest {

    private static final LocalDate JAN_2 = LocalDate.of(2025, 1, 2);

    private static StreamBarsResponse columns(String symbol, int firstDay, double... closes) {
        CloseColumns.Builder columns = CloseColumns.newBuilder();
        for (int i = 0; i < closes.length; i++) {
            columns.addEpochDays((int) JAN_2.toEpochDay() + firstDay + i).addCloses(closes[i]);
        }
        return StreamBarsResponse.newBuilder()
                .setSymbol(symbol)
                .setCloses(columns)
                .build();
    }

    @Test
    void closeColumnsAndWholeBarsFoldIntoTheSameSeriesInTheOrderSymbolsFirstAppear() {
        ClosesCollector collector = new ClosesCollector();
        collector.add(columns("B", 0, 10, 11));
        collector.add(StreamBarsResponse.newBuilder()
                .setSymbol("A")
                .addBars(DailyBar.newBuilder().setDate("2025-01-02").setClose(5))
                .addBars(DailyBar.newBuilder().setDate("2025-01-03").setClose(6))
                .build());
        collector.add(columns("B", 2, 12));
        collector.add(StreamBarsResponse.newBuilder().setSymbol("EMPTY").build());

        Map<String, TimeSeries> closes = collector.closes();
        assertThat(closes.keySet()).containsExactly("B", "A", "EMPTY");
        assertThat(closes.get("B").values()).containsExactly(10, 11, 12);
        assertThat(closes.get("B").date(2)).isEqualTo(JAN_2.plusDays(2));
        assertThat(closes.get("A").values()).containsExactly(5, 6);
        assertThat(closes.get("A").date(1)).isEqualTo(JAN_2.plusDays(1));
        assertThat(closes.get("EMPTY").isEmpty()).isTrue();
    }
}
