package dev.capflow.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.capflow.validation.FieldViolation;
import dev.capflow.validation.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InstrumentValidatorTest {

    @Test
    void normalizesAValidInstrument() {
        Instrument valid = InstrumentValidator.validate(
                new Instrument(
                        " 9984.t ", " SoftBank Group ", "jpy", " TSE ", InstrumentKind.EQUITY, 5_700_000_000L, 3),
                "instrument");
        assertThat(valid)
                .isEqualTo(new Instrument(
                        "9984.T", "SoftBank Group", "JPY", "TSE", InstrumentKind.EQUITY, 5_700_000_000L, 3));
    }

    @ParameterizedTest
    @ValueSource(strings = {"^GSPC", "BRK-B", "EURUSD=X", "9984.T", "A"})
    void acceptsSymbolsOfEveryDataSource(String symbol) {
        assertThat(InstrumentValidator.validate(
                                new Instrument(symbol, "x", "USD", "", InstrumentKind.INDEX, null, 0), "instrument")
                        .symbol())
                .isEqualTo(symbol);
    }

    @ParameterizedTest
    @ValueSource(strings = {"NV DA", "NVDA$", "...", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456"})
    void rejectsMalformedSymbols(String symbol) {
        InvalidRequestException error = catchThrowableOfType(
                InvalidRequestException.class,
                () -> InstrumentValidator.validate(
                        new Instrument(symbol, "x", "USD", "", InstrumentKind.EQUITY, null, 0), "instrument"));
        assertThat(error.violations()).extracting(FieldViolation::field).containsExactly("instrument.symbol");
    }

    @Test
    void namesEveryBrokenField() {
        InvalidRequestException error = catchThrowableOfType(
                InvalidRequestException.class,
                () -> InstrumentValidator.validate(new Instrument("", "", "EURO", null, null, -1L, 0), "instrument"));
        assertThat(error.violations())
                .containsExactly(
                        new FieldViolation("instrument.symbol", "required"),
                        new FieldViolation("instrument.name", "required"),
                        new FieldViolation("instrument.currency", "not an ISO 4217 currency code: EURO"),
                        new FieldViolation("instrument.kind", "required: EQUITY, FX or INDEX"),
                        new FieldViolation(
                                "instrument.shares_outstanding", "must be > 0 (leave it out when unknown), got -1"));
    }

    @Test
    void aNameWithNothingVisibleOrABidiControlIsRefused() {
        for (String name : java.util.List.of("\u200B\u200B", "\u00A0", "NVIDIA\u202E")) {
            InvalidRequestException error = catchThrowableOfType(
                    InvalidRequestException.class,
                    () -> InstrumentValidator.validate(
                            new Instrument("X", name, "USD", "", InstrumentKind.EQUITY, null, 0), "instrument"));
            assertThat(error.violations()).extracting(FieldViolation::field).containsExactly("instrument.name");
        }
    }

    @Test
    void zeroSharesOutstandingIsRefusedAndAbsentMeansUnknown() {
        InvalidRequestException error = catchThrowableOfType(
                InvalidRequestException.class,
                () -> InstrumentValidator.validate(
                        new Instrument("X", "x", "USD", "", InstrumentKind.EQUITY, 0L, 0), "instrument"));
        assertThat(error.violations())
                .extracting(FieldViolation::field)
                .containsExactly("instrument.shares_outstanding");
        assertThat(InstrumentValidator.validate(
                                new Instrument("X", "x", "USD", "", InstrumentKind.EQUITY, null, 0), "instrument")
                        .sharesOutstanding())
                .isNull();
    }

    @Test
    void rejectsUnknownCurrencyCodes() {
        InvalidRequestException error = catchThrowableOfType(
                InvalidRequestException.class,
                () -> InstrumentValidator.validate(
                        new Instrument("X", "x", "ABC", "", InstrumentKind.FX, null, 0), "instrument"));
        assertThat(error.violations()).extracting(FieldViolation::field).containsExactly("instrument.currency");
    }
}
