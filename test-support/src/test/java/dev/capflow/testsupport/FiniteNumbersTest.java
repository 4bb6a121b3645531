package dev.capflow.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.FloatValue;
import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.capflow.proto.basket.v1.GetPerformanceResponse;
import dev.capflow.proto.basket.v1.LevelPoint;
import dev.capflow.proto.basket.v1.Metrics;
import org.junit.jupiter.api.Test;

class FiniteNumbersTest {

    @Test
    void aFiniteMessagePasses() {
        GetPerformanceResponse answer = GetPerformanceResponse.newBuilder()
                .setMetrics(Metrics.newBuilder().setTotalReturn(0.1).setBeta(-1e300))
                .addSeries(LevelPoint.newBuilder().setLevel(100))
                .build();

        assertThat(FiniteNumbers.assertFinite(answer)).isSameAs(answer);
    }

    @Test
    void everyNonFiniteNumberIsNamedByItsPathInNestedAndRepeatedFields() {
        GetPerformanceResponse answer = GetPerformanceResponse.newBuilder()
                .setMetrics(Metrics.newBuilder().setTotalReturn(0.1).setAnnualizedReturn(Double.NaN))
                .addSeries(LevelPoint.newBuilder().setLevel(100))
                .addSeries(LevelPoint.newBuilder().setLevel(Double.POSITIVE_INFINITY))
                .build();

        assertThat(FiniteNumbers.nonFinite(answer))
                .containsExactly("series[1].level = Infinity", "metrics.annualized_return = NaN");
        assertThatThrownBy(() -> FiniteNumbers.assertFinite(answer))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("capflow.basket.v1.GetPerformanceResponse holds 2 non-finite number(s)")
                .hasMessageContaining("metrics.annualized_return = NaN");
    }

    @Test
    void mapValuesAreNamedByTheirKeyAndFloatsAreChecked() {
        Struct struct = Struct.newBuilder()
                .putFields("fine", Value.newBuilder().setNumberValue(1).build())
                .putFields(
                        "list",
                        Value.newBuilder()
                                .setListValue(ListValue.newBuilder()
                                        .addValues(Value.newBuilder().setNumberValue(2))
                                        .addValues(Value.newBuilder().setNumberValue(Double.NEGATIVE_INFINITY)))
                                .build())
                .build();

        assertThat(FiniteNumbers.nonFinite(struct))
                .containsExactly("fields[list].list_value.values[1].number_value = -Infinity");
        assertThat(FiniteNumbers.nonFinite(FloatValue.of(Float.NaN))).containsExactly("value = NaN");
    }
}
