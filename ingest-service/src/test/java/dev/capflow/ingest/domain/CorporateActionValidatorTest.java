package dev.capflow.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.capflow.validation.FieldViolation;
import dev.capflow.validation.InvalidRequestException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CorporateActionValidatorTest {

    private static final LocalDate LATEST = LocalDate.of(2026, 12, 31);

    @Test
    void acceptsASplitAndADividendIncludingExDatesUpToTheLatest() {
        assertThat(CorporateActionValidator.validate(
                        "sftby", "2026-01-01", CorporateActionKind.SPLIT, 4, 0, LATEST, "action"))
                .isEqualTo(new CorporateAction("SFTBY", LocalDate.of(2026, 1, 1), CorporateActionKind.SPLIT, 4));
        assertThat(CorporateActionValidator.validate(
                        "MSFT", "2026-12-31", CorporateActionKind.DIVIDEND, 0, 0.91, LATEST, "action"))
                .isEqualTo(new CorporateAction("MSFT", LocalDate.of(2026, 12, 31), CorporateActionKind.DIVIDEND, 0.91));
    }

    @Test
    void namesEveryBrokenField() {
        InvalidRequestException error = catchThrowableOfType(
                InvalidRequestException.class,
                () -> CorporateActionValidator.validate(
                        " ", "2025-02-30", CorporateActionKind.SPLIT, -4, 1, LATEST, "action"));
        assertThat(error.violations())
                .extracting(FieldViolation::field)
                .containsExactly("action.symbol", "action.ex_date", "action.ratio", "action.amount");
        assertThat(error.violations().get(1).description()).isEqualTo("not an ISO-8601 date: 2025-02-30");
    }

    @Test
    void requiresAKindAndAPositiveFiniteAmount() {
        assertThat(catchThrowableOfType(
                                InvalidRequestException.class,
                                () -> CorporateActionValidator.validate(
                                        "MSFT", "2025-11-20", null, 0, 1, LATEST, "action"))
                        .violations())
                .containsExactly(new FieldViolation("action.kind", "required: SPLIT or DIVIDEND"));
        assertThat(catchThrowableOfType(
                                InvalidRequestException.class,
                                () -> CorporateActionValidator.validate(
                                        "MSFT",
                                        "2025-11-20",
                                        CorporateActionKind.DIVIDEND,
                                        0,
                                        Double.NaN,
                                        LATEST,
                                        "action"))
                        .violations())
                .extracting(FieldViolation::field)
                .containsExactly("action.amount");
    }

    @Test
    void refusesExDatesAfterTheLatestOrOutsideTheRangeAndAbsurdValues() {
        assertThat(catchThrowableOfType(
                                InvalidRequestException.class,
                                () -> CorporateActionValidator.validate(
                                        "MSFT", "2027-01-01", CorporateActionKind.SPLIT, 2, 0, LATEST, "action"))
                        .violations())
                .extracting(FieldViolation::field)
                .containsExactly("action.ex_date");
        assertThat(catchThrowableOfType(
                                InvalidRequestException.class,
                                () -> CorporateActionValidator.validate(
                                        "MSFT", "1899-12-31", CorporateActionKind.SPLIT, 1e-320, 0, LATEST, "action"))
                        .violations())
                .extracting(FieldViolation::field)
                .containsExactly("action.ex_date", "action.ratio");
        assertThat(catchThrowableOfType(
                                InvalidRequestException.class,
                                () -> CorporateActionValidator.validate(
                                        "MSFT", "2025-11-20", CorporateActionKind.DIVIDEND, 0, 1e308, LATEST, "action"))
                        .violations())
                .extracting(FieldViolation::field)
                .containsExactly("action.amount");
    }
}
