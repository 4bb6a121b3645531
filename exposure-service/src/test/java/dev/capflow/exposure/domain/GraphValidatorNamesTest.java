package dev.capflow.exposure.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.capflow.validation.FieldViolation;
import dev.capflow.validation.InvalidRequestException;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GraphValidatorNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"\u200B\u200B", "\u0301\u0301", "\u00A0\u00A0", "Open\u202EIA"})
    void aNameWithNothingVisibleOrABidiControlIsRefusedNamingTheField(String name) {
        InvalidRequestException refused = catchThrowableOfType(
                InvalidRequestException.class, () -> GraphValidator.entity(privateEntity(name), "entity."));

        assertThat(refused.violations()).extracting(FieldViolation::field).containsExactly("entity.name");
    }

    @Test
    void aNameWithAVisibleCharacterIsKept() {
        assertThat(GraphValidator.entity(privateEntity("Stargate\u00A0JV"), "entity.")
                        .name())
                .isEqualTo("Stargate\u00A0JV");
    }

    private static EntityDraft privateEntity(String name) {
        return new EntityDraft(
                "stargate",
                name,
                EntityKind.PRIVATE,
                "",
                List.of(),
                OptionalDouble.of(1e9),
                "2025-10-01",
                "",
                OptionalDouble.empty(),
                "",
                "",
                OptionalDouble.empty(),
                "",
                "",
                0,
                "");
    }
}
