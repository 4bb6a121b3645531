package dev.capflow.exposure.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capflow.validation.FieldViolation;
import dev.capflow.validation.InvalidRequestException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Graph dates (validity, as-of, valuation dates) are held only from 1900-01-01 to 2100-12-31. */
class GraphValidatorDatesTest {

    @Test
    void aDateOutsideThePlatformRangeIsAViolationOfItsField() {
        for (String date : List.of("1899-12-31", "2101-01-01", "-999999999-01-01", "+999999999-12-31")) {
            List<FieldViolation> violations = new ArrayList<>();
            assertThat(GraphValidator.date(date, "edge.as_of", true, violations))
                    .as(date)
                    .isNull();
            assertThat(violations)
                    .as(date)
                    .singleElement()
                    .extracting(FieldViolation::field)
                    .isEqualTo("edge.as_of");
        }
    }

    @Test
    void theEdgesOfTheRangeAreDates() {
        List<FieldViolation> violations = new ArrayList<>();
        assertThat(GraphValidator.date("1900-01-01", "valid_from", false, violations))
                .isEqualTo(LocalDate.of(1900, 1, 1));
        assertThat(GraphValidator.date("2100-12-31", "valid_from", false, violations))
                .isEqualTo(LocalDate.of(2100, 12, 31));
        assertThat(violations).isEmpty();
    }

    @Test
    void aQueryDateOutsideTheRangeIsRefusedNamingIt() {
        assertThatThrownBy(() -> GraphValidator.asOf("2101-01-01", "valid_to"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("valid_to");
    }
}
