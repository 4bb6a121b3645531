package dev.capflow.gateway.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class VersionedDeleteTest {

    @Test
    void theOptionalPartsMayBeLeftOutAndVersionZeroCounts() {
        assertThat(VersionedDelete.checked(" e1 ", null, null))
                .isEqualTo(new VersionedDelete("e1", OptionalLong.empty(), ""));
        assertThat(VersionedDelete.checked("e1", 0L, "2025-12-31"))
                .isEqualTo(new VersionedDelete("e1", OptionalLong.of(0), "2025-12-31"));
    }

    @Test
    void everyUnusableParameterIsNamed() {
        InvalidFieldsException refused = catchThrowableOfType(
                InvalidFieldsException.class, () -> VersionedDelete.checked(" ", -1L, "31.12.2025"));
        assertThat(refused.violations()).extracting(FieldViolation::field).containsExactly("id", "version", "validTo");
    }
}
