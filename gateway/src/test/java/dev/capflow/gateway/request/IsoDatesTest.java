package dev.capflow.gateway.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class IsoDatesTest {

    @Test
    void everyPlainDateAndNearMissIsReadAsLocalDateParseReadsIt() {
        List<String> texts = new ArrayList<>(List.of(
                "2025-10-29",
                "0000-01-01",
                "9999-12-31",
                "+12345-01-01",
                "-0001-01-01",
                "2025-1-029",
                "2025/10/29",
                "2025-10-3a",
                "2025--10-29",
                "2025-10-29 ",
                "\uFF12\uFF10\uFF12\uFF15-10-29",
                "2025-10-29T00:00"));
        for (int year : new int[] {0, 1900, 2000, 2023, 2024, 2025}) {
            for (int month = 0; month <= 13; month++) {
                for (int day = 0; day <= 32; day++) {
                    texts.add(String.format("%04d-%02d-%02d", year, month, day));
                }
            }
        }

        for (String text : texts) {
            Object expected = outcome(() -> LocalDate.parse(text));
            Object actual = outcome(() -> IsoDates.parse(text));
            assertThat(actual).as(text).isEqualTo(expected);
        }
    }

    @Test
    void aPlainDateIsThatDayAndAnImpossibleOneIsRefused() {
        assertThat(IsoDates.parse("2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(catchThrowable(() -> IsoDates.parse("2025-02-29"))).isInstanceOf(DateTimeParseException.class);
    }

    /** The date read, or the class and message of what was thrown. */
    private static Object outcome(Supplier<LocalDate> parse) {
        try {
            return parse.get();
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }
}
