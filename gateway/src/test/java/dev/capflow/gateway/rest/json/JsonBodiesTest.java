package dev.capflow.gateway.rest.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capflow.gateway.request.ConvertedBatch;
import dev.capflow.gateway.request.FieldViolation;
import dev.capflow.gateway.request.InvalidFieldsException;
import dev.capflow.gateway.request.Rejection;
import dev.capflow.gateway.request.TooManyRecordsException;
import dev.capflow.gateway.rest.dto.BasketInput;
import dev.capflow.gateway.rest.dto.DailyBarInput;
import dev.capflow.gateway.rest.dto.InstrumentInput;
import dev.capflow.gateway.rest.mapping.PriceMapping;
import dev.capflow.proto.ingest.v1.BarWriteMode;
import dev.capflow.proto.ingest.v1.DailyBar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonBodiesTest {

    private final ObjectMapper mapper = StrictScalarsCustomizer.apply(new ObjectMapper());
    private final JsonBodies bodies = new JsonBodies(mapper, () -> 1_000);

    @Test
    void anArrayOverTheRecordLimitIsRefusedBeforeAnyElementIsRead() throws Exception {
        // four elements that would each be rejected: the refusal names the limit, not four rejections
        JsonNode body = mapper.readTree("[{}, {}, {}, {}]");

        JsonBodies threeAtMost = new JsonBodies(mapper, () -> 3);
        assertThatThrownBy(() -> threeAtMost.array(body, DailyBarInput.class, input -> {
                    throw new AssertionError("no element may be converted");
                }))
                .isInstanceOf(TooManyRecordsException.class)
                .satisfies(e -> assertThat(((InvalidFieldsException) e).violations())
                        .extracting(FieldViolation::field, FieldViolation::reason)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple(
                                "body",
                                "holds 4 records; at most 3 per request (send more in several requests, or a file to"
                                        + " POST /api/v1/prices/bulk-csv)")));
        assertThat(threeAtMost
                        .array(mapper.readTree("[{}, {}, {}]"), DailyBarInput.class, JsonBodiesTest::insertBar)
                        .rejections())
                .hasSize(3);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "\"open\": \"12.5\"          | open   | must be a number",
                "\"open\": \"NaN\"           | open   | must be a finite number",
                "\"open\": true              | open   | must be a number",
                "\"open\": null              | open   | is required",
                "\"symbol\": 42              | symbol | must be a string",
                "\"symbol\": {\"a\": 1}      | symbol | must be a string",
                "\"volume\": 1.5             | volume | must be a whole number from -9223372036854775808 to 9223372036854775807",
                "\"volume\": \"7\"           | volume | must be a whole number from -9223372036854775808 to 9223372036854775807",
                "\"volume\": 1e20            | volume | must be a whole number from -9223372036854775808 to 9223372036854775807",
                "\"volume\": 100000000000000000000 | volume | must be a whole number from -9223372036854775808 to 9223372036854775807",
                "\"date\": \"2025-10-32\"    | date   | must be an ISO-8601 date such as 2025-10-29"
            })
    void aBadFieldRejectsOnlyItsElementAndIsNamed(String override, String field, String reason) throws Exception {
        JsonNode body = mapper.readTree("[" + bar("\"volume\": 1") + ", " + bar(override) + "]");

        ConvertedBatch<DailyBar> batch = bodies.array(body, DailyBarInput.class, JsonBodiesTest::insertBar);

        assertThat(batch.positions()).containsExactly(0);
        assertThat(batch.records().get(0).getVolume()).isEqualTo(1);
        assertThat(batch.rejections()).containsExactly(Rejection.atIndex(1, field, reason));
    }

    @ParameterizedTest
    @CsvSource({"1000, 1000", "1e3, 1000", "1000.0, 1000", "1.5e1, 15", "-0.0, 0"})
    void aWholeNumberMayBeWrittenWithAnExponentOrAZeroFraction(String volume, long expected) throws Exception {
        JsonNode body = mapper.readTree("[" + bar("\"volume\": " + volume) + "]");

        ConvertedBatch<DailyBar> batch = bodies.array(body, DailyBarInput.class, JsonBodiesTest::insertBar);

        assertThat(batch.rejections()).isEmpty();
        assertThat(batch.records().get(0).getVolume()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "\"symbol\": \"NV\\u0000DA\"  | symbol | must not contain NUL (U+0000), found at index 2",
                "\"symbol\": \"NV\\ud800\"    | symbol | must be valid Unicode text: an unpaired surrogate U+D800 at index 2"
            })
    void textThatCannotBeSentOnRejectsItsElementNamingTheField(String override, String field, String reason)
            throws Exception {
        JsonNode body = mapper.readTree("[" + bar("\"volume\": 1") + ", " + bar(override) + "]");

        ConvertedBatch<DailyBar> batch = bodies.array(body, DailyBarInput.class, JsonBodiesTest::insertBar);

        assertThat(batch.positions()).containsExactly(0);
        assertThat(batch.rejections()).containsExactly(Rejection.atIndex(1, field, reason));
    }

    @Test
    void anUnpairedSurrogateDeepInAnObjectIsNamedByItsPath() throws Exception {
        JsonNode body = mapper.readTree("{\"name\": \"ok \\ud83d\\ude00\", \"members\": [{\"symbol\": \"A\"}, "
                + "{\"symbol\": \"\\udc00\"}]}");

        assertThatThrownBy(() -> bodies.object(body, BasketInput.class))
                .isInstanceOf(InvalidFieldsException.class)
                .extracting(e -> ((InvalidFieldsException) e).violations())
                .asList()
                .extracting(v -> ((FieldViolation) v).field())
                .containsExactly("members[1].symbol");
    }

    @Test
    void aMemberTheBodyDoesNotHaveIsNamedByItsPathWithTheMembersItHas() throws Exception {
        // as the gateway's mapper: Quarkus' default ignores unknown members, the structure rules refuse them
        ObjectMapper strict = StrictStructureCustomizer.apply(
                new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES), 64);
        JsonBodies strictBodies = new JsonBodies(strict, () -> 1_000);
        JsonNode body = strict.readTree("{\"name\": \"B\", \"members\": [{\"symbol\": \"A\"}, {\"symbol\": \"B\"}, "
                + "{\"symbol\": \"C\", \"wieght\": 0.5}]}");

        assertThatThrownBy(() -> strictBodies.object(body, BasketInput.class))
                .isInstanceOf(InvalidFieldsException.class)
                .extracting(e -> ((InvalidFieldsException) e).violations())
                .isEqualTo(java.util.List.of(new FieldViolation(
                        "members[2].wieght", "is not a member of this object; its members are symbol, weight")));
    }

    @Test
    void elementsThatAreNotObjectsAreRejectedAsRecords() throws Exception {
        ConvertedBatch<DailyBar> batch =
                bodies.array(mapper.readTree("[null, 3, \"x\", []]"), DailyBarInput.class, JsonBodiesTest::insertBar);

        assertThat(batch.hasRecords()).isFalse();
        assertThat(batch.rejections())
                .extracting(Rejection::index, Rejection::field)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(0, "record"),
                                org.assertj.core.groups.Tuple.tuple(1, "record"),
                        org.assertj.core.groups.Tuple.tuple(2, "record"),
                                org.assertj.core.groups.Tuple.tuple(3, "record"));
    }

    @Test
    void aBodyThatIsNotAnArrayFailsAsAWhole() throws Exception {
        assertThatThrownBy(() -> bodies.array(mapper.readTree("{}"), DailyBarInput.class, JsonBodiesTest::insertBar))
                .isInstanceOf(InvalidFieldsException.class)
                .extracting(e -> ((InvalidFieldsException) e).violations())
                .isEqualTo(java.util.List.of(new FieldViolation("body", "must be a JSON array of records")));
        assertThatThrownBy(() -> bodies.array(null, DailyBarInput.class, JsonBodiesTest::insertBar))
                .isInstanceOf(InvalidFieldsException.class);
    }

    @Test
    void anObjectBodyMustBeAnObject() throws Exception {
        assertThat(bodies.object(mapper.readTree("{\"name\": \"NVIDIA\"}"), InstrumentInput.class)
                        .name())
                .isEqualTo("NVIDIA");
        assertThatThrownBy(() -> bodies.object(mapper.readTree("[]"), InstrumentInput.class))
                .hasMessage("body must be a JSON object");
        assertThatThrownBy(() -> bodies.object(null, InstrumentInput.class)).hasMessage("body is required");
    }

    /** A valid bar, with one member replaced or added (later duplicate keys win in Jackson). */
    private static String bar(String override) {
        return "{\"symbol\": \"NVDA\", \"date\": \"2025-10-29\", \"open\": 1, \"high\": 2, \"low\": 0.5, \"close\": 1.5, "
                + override + "}";
    }

    private static DailyBar insertBar(DailyBarInput input) {
        return PriceMapping.toProto(input, BarWriteMode.BAR_WRITE_MODE_INSERT);
    }
}
