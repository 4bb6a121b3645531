package dev.capflow.basket.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.capflow.validation.FieldViolation;
import dev.capflow.validation.InvalidRequestException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class WindowTest {

    @Test
    void emptyBoundsTakeTheirDefaults() {
        assertThat(Window.parse("", null)).isEqualTo(new Window(null, null));
        assertThat(Window.parse("2025-11-01", "2025-11-01"))
                .isEqualTo(new Window(LocalDate.of(2025, 11, 1), LocalDate.of(2025, 11, 1)));
    }

    @Test
    void fromAfterToNamesFrom() {
        assertThat(catchThrowableOfType(InvalidRequestException.class, () -> Window.parse("2025-12-31", "2025-10-29"))
                        .violations())
                .extracting(FieldViolation::field)
                .containsExactly("from");
    }

    @Test
    void everyUnparsableBoundIsNamed() {
        assertThat(catchThrowableOfType(InvalidRequestException.class, () -> Window.parse("yesterday", "2025-02-30"))
                        .violations())
                .extracting(FieldViolation::field)
                .containsExactly("from", "to");
    }
}
