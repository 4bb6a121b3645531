package dev.capflow.gateway.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FieldsTest {

    private enum Colour {
        COLOUR_UNSPECIFIED,
        COLOUR_RED,
        COLOUR_DARK_BLUE,
        UNRECOGNIZED
    }

    private static final EnumCodec<Colour> COLOURS = new EnumCodec<>(Colour.class, "COLOUR_");

    @Test
    void validFieldsAreReadAndNothingIsThrown() {
        Fields fields = new Fields();

        assertThat(fields.text("symbol", " NVDA ")).isEqualTo("NVDA");
        assertThat(fields.number("close", 207.04)).isEqualTo(207.04);
        assertThat(fields.date("date", "2025-10-29")).isEqualTo(LocalDate.of(2025, 10, 29));
        assertThat(fields.optionalDate("from", null)).isNull();
        assertThat(fields.instant("ts", "2025-10-29T16:30:00+02:00")).isEqualTo(Instant.parse("2025-10-29T14:30:00Z"));
        assertThat(fields.oneOf("kind", "dark_blue", COLOURS)).isEqualTo(Colour.COLOUR_DARK_BLUE);

        fields.throwIfInvalid();
        assertThat(fields.violations()).isEmpty();
    }

    @Test
    void everyBadFieldIsNamedInOrder() {
        Fields fields = new Fields();
        fields.text("symbol", null);
        fields.text("name", "  ");
        fields.number("open", Double.NaN);
        fields.number("close", null);
        fields.date("date", "29/10/2025");
        fields.instant("ts", "2025-10-29");
        fields.oneOf("kind", "UNSPECIFIED", COLOURS);
        fields.check(false, "from", "must not be after to");

        assertThat(fields.violations())
                .containsExactly(
                        new FieldViolation("symbol", "is required"),
                        new FieldViolation("name", "must not be blank"),
                        new FieldViolation("open", "must be a finite number"),
                        new FieldViolation("close", "is required"),
                        new FieldViolation("date", "must be an ISO-8601 date such as 2025-10-29"),
                        new FieldViolation("ts", "must be an ISO-8601 instant such as 2025-10-29T14:30:00Z"),
                        new FieldViolation("kind", "must be one of [RED, DARK_BLUE]"),
                        new FieldViolation("from", "must not be after to"));
        assertThatThrownBy(fields::throwIfInvalid)
                .isInstanceOf(InvalidFieldsException.class)
                .hasMessageStartingWith("symbol is required; name must not be blank;");
    }

    @Test
    void enumCodecHidesThePrefixThePlaceholderAndUnknownValues() {
        assertThat(COLOURS.names()).containsExactly("RED", "DARK_BLUE");
        assertThat(COLOURS.name(Colour.COLOUR_RED)).isEqualTo("RED");
        assertThat(COLOURS.name(Colour.COLOUR_UNSPECIFIED)).isNull();
        assertThat(COLOURS.name(Colour.UNRECOGNIZED)).isNull();
        assertThat(COLOURS.parse("UNRECOGNIZED")).isEmpty();
        assertThat(COLOURS.parse(null)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({",NONE", "' ',NONE", "false,NONE", "None,NONE", "split,SPLIT", "true,TOTAL_RETURN", "TOTAL,TOTAL_RETURN"
    })
    void adjustmentQueryValues(String value, BarAdjustment expected) {
        assertThat(BarAdjustment.fromQuery(value)).contains(expected);
    }

    @Test
    void anUnknownAdjustmentIsEmpty() {
        assertThat(BarAdjustment.fromQuery("dividends")).isEqualTo(Optional.empty());
    }

    @Test
    void symbolsAreSplitTrimmedAndDeduplicated() {
        assertThat(SymbolList.parse("symbols", List.of("NVDA, MSFT", "AMD,NVDA")))
                .containsExactly("NVDA", "MSFT", "AMD");
        assertThatThrownBy(() -> SymbolList.parse("symbols", List.of(" , ")))
                .isInstanceOf(InvalidFieldsException.class)
                .extracting(
                        e -> ((InvalidFieldsException) e).violations().get(0).field())
                .isEqualTo("symbols");
    }
}
