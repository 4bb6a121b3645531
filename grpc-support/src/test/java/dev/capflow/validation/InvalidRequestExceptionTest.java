package dev.capflow.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class InvalidRequestExceptionTest {

    @Test
    void theMessageSpellsOutTwentyViolationsAndCountsTheRestWhileAllAreKept() {
        List<FieldViolation> many = IntStream.range(0, 100_000)
                .mapToObj(i -> new FieldViolation("shocks[" + i + "].entity", "already shocked"))
                .toList();

        InvalidRequestException refused = new InvalidRequestException(many);

        assertThat(refused.getMessage())
                .startsWith("shocks[0].entity: already shocked; shocks[1].entity: already shocked")
                .contains("shocks[19].entity")
                .doesNotContain("shocks[20].entity")
                .endsWith("; and 99980 more");
        assertThat(refused.violations()).hasSize(100_000);
        assertThat(new InvalidRequestException("name", "is required").getMessage())
                .isEqualTo("name: is required");
    }
}
