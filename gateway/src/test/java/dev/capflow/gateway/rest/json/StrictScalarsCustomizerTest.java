package dev.capflow.gateway.rest.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.capflow.gateway.rest.dto.EdgeInput;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StrictScalarsCustomizerTest {

    private final ObjectMapper mapper = StrictScalarsCustomizer.apply(new ObjectMapper());

    @ParameterizedTest
    @ValueSource(strings = {"1", "0", "1.0", "\"true\""})
    void aBooleanMemberTakesOnlyTrueOrFalse(String value) {
        assertThatThrownBy(() -> mapper.readValue("{\"estimated\": " + value + "}", EdgeInput.class))
                .isInstanceOf(MismatchedInputException.class)
                .satisfies(e -> assertThat(((MismatchedInputException) e).getPath())
                        .extracting(reference -> reference.getFieldName())
                        .containsExactly("estimated"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "false"})
    void trueAndFalseAreBooleans(String value) throws Exception {
        assertThat(mapper.readValue("{\"estimated\": " + value + "}", EdgeInput.class)
                        .estimated())
                .isEqualTo(Boolean.valueOf(value));
    }
}
