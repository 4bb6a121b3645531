package dev.capflow.ingest.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.capflow.ingest.domain.BarInput;
import dev.capflow.ingest.domain.DailyBar;
import dev.capflow.ingest.domain.PriceValidator;
import dev.capflow.ingest.domain.Rejection;
import dev.capflow.ingest.domain.Validated;
import dev.capflow.validation.CsvControlCharacters;
import dev.capflow.validation.FieldViolation;
import dev.capflow.validation.InvalidRequestException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CsvParserTest {

    private static final String YAHOO = """
            Date,Open,High,Low,Close,Adj Close,Volume
            2025-10-28,193.05,203.15,191.89,201.03,201.03,297986200
            2025-10-29,207.98,212.19,204.78,207.04,207.04,308829600
            """;

    private static List<BarInput> bars(CsvFile file) {
        return file.lines().stream()
                .filter(CsvLine.Parsed.class::isInstance)
                .map(line -> ((CsvLine.Parsed) line).bar())
                .toList();
    }

    private static List<Rejection> rejections(CsvFile file) {
        return file.lines().stream()
                .filter(CsvLine.Rejected.class::isInstance)
                .map(line -> ((CsvLine.Rejected) line).rejection())
                .toList();
    }

    @Test
    void readsYahooWithHeader() {
        CsvFile file = CsvParser.parse("NVDA", YAHOO, null);
        assertThat(file.layout()).isEqualTo(CsvLayout.YAHOO);
        assertThat(bars(file))
                .containsExactly(
                        new BarInput("NVDA", "2025-10-28", 193.05, 203.15, 191.89, 201.03, 297_986_200L),
                        new BarInput("NVDA", "2025-10-29", 207.98, 212.19, 204.78, 207.04, 308_829_600L));
        assertThat(file.lines()).extracting(CsvLine::row).containsExactly(2, 3);
    }

    @Test
    void readsStooqWithAndWithoutVolume() {
        CsvFile withVolume = CsvParser.parse(
                "NVDA", "Date,Open,High,Low,Close,Volume\n2025-10-29,207.98,212.19,204.78,207.04,308829600\n", null);
        assertThat(withVolume.layout()).isEqualTo(CsvLayout.STOOQ);
        assertThat(bars(withVolume).get(0).volume()).isEqualTo(308_829_600L);

        CsvFile withoutVolume =
                CsvParser.parse("^SPX", "Date,Open,High,Low,Close\n2025-10-29,6890.5,6920.1,6870.2,6890.59\n", null);
        assertThat(withoutVolume.layout()).isEqualTo(CsvLayout.STOOQ);
        assertThat(bars(withoutVolume))
                .containsExactly(new BarInput("^SPX", "2025-10-29", 6890.5, 6920.1, 6870.2, 6890.59, 0));
    }

    @Test
    void handlesByteOrderMarkCrlfAndBlankLines() {
        String text =
                "\uFEFFDate,Open,High,Low,Close,Adj Close,Volume\r\n\r\n2025-10-28,1,2,0.5,1.5,1.5,10\r\n   \r\n2025-10-29,1.5,2,1,1.8,1.8,20\r\n";
        CsvFile file = CsvParser.parse("X", text, null);
        assertThat(file.layout()).isEqualTo(CsvLayout.YAHOO);
        assertThat(file.lines()).extracting(CsvLine::row).containsExactly(3, 5);
        assertThat(bars(file)).extracting(BarInput::date).containsExactly("2025-10-28", "2025-10-29");
    }

    @Test
    void withoutHeaderPicksTheLayoutByColumnCount() {
        CsvFile yahoo = CsvParser.parse("X", "2025-10-28,1,2,0.5,1.5,1.4,10\n", null);
        assertThat(yahoo.layout()).isEqualTo(CsvLayout.YAHOO);
        assertThat(yahoo.lines()).extracting(CsvLine::row).containsExactly(1);
        CsvFile stooq = CsvParser.parse("X", "2025-10-28,1,2,0.5,1.5,10\n", null);
        assertThat(stooq.layout()).isEqualTo(CsvLayout.STOOQ);
        assertThat(bars(stooq).get(0).volume()).isEqualTo(10);
    }

    @Test
    void stooqsPolishHeaderIsReadAsStooq() {
        CsvFile file = CsvParser.parse(
                "X", "Data,Otwarcie,Najwyzszy,Najnizszy,Zamkniecie,Wolumen\n2025-10-28,1,2,0.5,1.5,10\n", null);
        assertThat(file.layout()).isEqualTo(CsvLayout.STOOQ);
        assertThat(bars(file)).hasSize(1);
    }

    @Test
    void aHeaderThatIsNotTheLayoutsIsRefusedNamingTheColumn() {
        InvalidRequestException typo = catchThrowableOfType(
                InvalidRequestException.class,
                () -> CsvParser.parse(
                        "X", "Date,Open,High,Low,Clse,Adj Close,Volume\n2025-10-28,1,2,0.5,1.5,1.5,10\n", null));
        assertThat(typo.violations()).extracting(FieldViolation::field).containsExactly("header");
        assertThat(typo.violations().get(0).description()).contains("\"Clse\"").contains("did you mean Close?");
        InvalidRequestException unknown = catchThrowableOfType(
                InvalidRequestException.class,
                () -> CsvParser.parse("X", "When,Open,High,Low,Close,Amount\n2025-10-28,1,2,0.5,1.5,10\n", null));
        assertThat(unknown.violations().get(0).description()).contains("\"When\", \"Amount\"");
        assertThat(CsvParser.parse("X", "date,OPEN,High,Low,Close,adj_close,Volume\n", null)
                        .layout())
                .as("case and punctuation do not matter")
                .isEqualTo(CsvLayout.YAHOO);
    }

    @Test
    void aControlCharacterInAValueRejectsItsRowNamingTheColumn() {
        String text = YAHOO + "2025-10-30,1\u0000,2,0.5,1.5,1.5,10\n2025-10-31\u0007,1,2,0.5,1.5,1.5,10\n"
                + "2025-11-03,1,2,0.5,1.5,1.5,\t10\n";
        CsvFile file = CsvParser.parse("X", text, null);
        assertThat(rejections(file))
                .containsExactly(
                        Rejection.atRow(4, "open", CsvControlCharacters.REASON),
                        Rejection.atRow(5, "date", CsvControlCharacters.REASON));
        assertThat(bars(file)).hasSize(3);
    }

    @Test
    void yahooNullRowsAreSkippedNotRejected() {
        CsvFile file = CsvParser.parse("X", YAHOO + "2025-10-30,null,null,null,null,null,null\n", null);
        assertThat(file.lines()).hasSize(3);
        assertThat(file.lines().get(2)).isEqualTo(new CsvLine.Skipped(4));
        assertThat(rejections(file)).isEmpty();
    }

    @Test
    void malformedRowsAreRejectedWithTheirLineAndField() {
        String text = YAHOO
                + "2025-10-30,1,2,0.5\n" // line 4: too few columns
                + "2025-10-31,abc,2,0.5,1.5,1.5,10\n" // line 5: open is not a number
                + "2025-11-03,1,2,0.5,null,1.5,10\n" // line 6: a partly null row is malformed
                + "2025-11-04,1,2,0.5,1.5,1.5,12.5\n" // line 7: fractional volume
                + "2025-11-05,1,,0.5,1.5,1.5,10\n"; // line 8: empty high
        CsvFile file = CsvParser.parse("X", text, null);
        assertThat(rejections(file))
                .containsExactly(
                        Rejection.atRow(4, "record", "expected 7 columns, got 4"),
                        Rejection.atRow(5, "open", "not a number: abc"),
                        Rejection.atRow(6, "close", "not a number: null"),
                        Rejection.atRow(7, "volume", "not a whole number: 12.5"),
                        Rejection.atRow(8, "high", "required"));
        assertThat(bars(file)).hasSize(2);
    }

    @Test
    void aQuotedValueHoldingACommaIsOneCellRejectedByItsColumn() {
        String text = YAHOO
                + "\"2025-10-30\",\"1\",\"2\",\"0.5\",\"1.5\",\"1.5\",\"1,000\"\n" // the comma is the value's
                + "\"2025-10-31\",\"1\",\"2\",\"0.5\",\"1.5\",\"1.5\",\"1000\"\n";
        CsvFile file = CsvParser.parse("X", text, null);
        assertThat(rejections(file)).containsExactly(Rejection.atRow(4, "volume", "not a whole number: 1,000"));
        assertThat(bars(file)).extracting(BarInput::volume).contains(1000L);
    }

    @Test
    void nanAndNegativePricesParseButTheValidatorRejectsThemByRow() {
        String text = YAHOO + "2025-10-30,NaN,2,0.5,1.5,1.5,10\n2025-10-31,1,2,0.5,-1.5,-1.5,10\n";
        CsvFile file = CsvParser.parse("NVDA", text, null);
        List<CsvLine.Parsed> parsed =
                file.lines().stream().map(CsvLine.Parsed.class::cast).toList();
        PriceValidator validator = new PriceValidator(
                Clock.fixed(Instant.parse("2025-12-01T00:00:00Z"), ZoneOffset.UTC), Duration.ofMinutes(5));
        Validated<DailyBar> validated =
                validator.validateBars(parsed.stream().map(CsvLine.Parsed::bar).toList(), Set.of("NVDA"));
        assertThat(validated.valid()).hasSize(2);
        assertThat(validated.rejected())
                .extracting(r -> r.toRow(parsed.get(r.index()).row()))
                .containsExactly(
                        Rejection.atRow(4, "open", "must be a finite number between 1.0E-6 and 1.0E7, got NaN"),
                        Rejection.atRow(5, "close", "must be a finite number between 1.0E-6 and 1.0E7, got -1.5"));
    }

    @Test
    void anExplicitLayoutMustFitTheColumns() {
        InvalidRequestException error =
                catchThrowableOfType(InvalidRequestException.class, () -> CsvParser.parse("X", YAHOO, CsvLayout.STOOQ));
        assertThat(error.violations()).extracting(FieldViolation::field).containsExactly("layout");
        assertThat(CsvParser.parse("X", "2025-10-28,1,2,0.5,1.5,1.4,10\n", CsvLayout.YAHOO)
                        .layout())
                .isEqualTo(CsvLayout.YAHOO);
    }

    @Test
    void emptyAndUnrecognizedFilesAreInvalid() {
        assertThat(catchThrowableOfType(InvalidRequestException.class, () -> CsvParser.parse("X", "\r\n \n", null))
                        .violations())
                .extracting(FieldViolation::field)
                .containsExactly("content");
        assertThat(catchThrowableOfType(InvalidRequestException.class, () -> CsvParser.parse("X", "No data", null))
                        .violations()
                        .get(0)
                        .description())
                .startsWith("unrecognized CSV layout");
    }

    @Test
    void aHeaderOnlyFileHasNoRows() {
        CsvFile file = CsvParser.parse("X", "Date,Open,High,Low,Close,Volume\n", null);
        assertThat(file.layout()).isEqualTo(CsvLayout.STOOQ);
        assertThat(file.lines()).isEmpty();
    }
}
