package dev.capflow.devstack.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DividendsCsvTest {

    private static final Map<String, String> CURRENCIES = Map.of("GOOGL", "USD", "9984.T", "JPY");

    @Test
    void readsEachDividendWithItsAmountPerShare() {
        assertThat(DividendsCsv.parse(
                        "d.csv",
                        "symbol,ex_date,amount,currency\ngoogl,2025-12-08,0.21,USD\n" + "9984.T,2025-09-29,5.5,JPY\n",
                        CURRENCIES))
                .containsExactly(
                        DemoDividend.of("GOOGL", "2025-12-08", 0.21), DemoDividend.of("9984.T", "2025-09-29", 5.5));
    }

    @Test
    void namesEveryBadRowAndCell() {
        assertThatThrownBy(() -> DividendsCsv.parse(
                        "d.csv",
                        "symbol,ex_date,amount,currency\n" + "9984.T,2025-09-29,5.5,USD\n" + "NOPE,2025-13-01,-1,USD\n",
                        CURRENCIES))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("d.csv row 2: currency 'USD' is not 9984.T's currency JPY")
                .hasMessageContaining("d.csv row 3: symbol 'NOPE' is not in instruments.csv")
                .hasMessageContaining("d.csv row 3: ex_date '2025-13-01' is not an ISO date")
                .hasMessageContaining("d.csv row 3: amount '-1' is not a positive number");
    }
}
