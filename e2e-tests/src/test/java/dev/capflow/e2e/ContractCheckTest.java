package dev.capflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * ContractCheck can fail: answers and events that disagree with a small fixture document (a wrong type, a missing
 * required member, an undocumented status, route, method or media type) are each reported, naming the mismatch, and
 * only answers that pass count as covering their operation.
 */
class ContractCheckTest {

    private static final String JSON = "application/json";
    private static final String THING = "/api/v1/things/t1";

    private ContractCheck.Document document;

    @BeforeEach
    void parseTheFixture() throws IOException {
        try (InputStream in = ContractCheckTest.class.getResourceAsStream("/contract/fixture-openapi.json")) {
            document = ContractCheck.Document.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void aMatchingAnswerPassesAndCoversItsOperation() {
        assertThatCode(() ->
                        document.check("GET", THING, 200, JSON + ";charset=UTF-8", "{\"id\": \"t1\", \"count\": 2}"))
                .doesNotThrowAnyException();
        document.check("DELETE", THING, 204, null, "");
        document.check("GET", "/api/v1/things/latest", 200, JSON, "{\"id\": \"t9\", \"count\": 0}");

        assertThat(document.checked())
                .containsExactly("DELETE /api/v1/things/{id}", "GET /api/v1/things/latest", "GET /api/v1/things/{id}");
        assertThat(document.operations())
                .containsExactly(
                        "DELETE /api/v1/things/{id}",
                        "GET /api/v1/stream/things",
                        "GET /api/v1/things/latest",
                        "GET /api/v1/things/{id}");
    }

    @Test
    void aMemberOfTheWrongTypeIsReported() {
        assertThatThrownBy(() -> document.check("GET", THING, 200, JSON, "{\"id\": \"t1\", \"count\": \"two\"}"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("does not match")
                .hasMessageContaining("count");
        assertThat(document.checked()).isEmpty();
    }

    @Test
    void aMissingRequiredMemberIsReported() {
        assertThatThrownBy(() -> document.check("GET", THING, 200, JSON, "{\"id\": \"t1\"}"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("does not match")
                .hasMessageContaining("count");
    }

    @Test
    void aProblemMissingItsStatusIsReported() {
        assertThatThrownBy(() -> document.check(
                        "GET",
                        THING,
                        404,
                        "application/problem+json",
                        "{\"type\": \"urn:x\", \"title\": \"Not found\"}"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("404/content/application~1problem+json")
                .hasMessageContaining("status");
    }

    @Test
    void anUndocumentedStatusIsReported() {
        assertThatThrownBy(() -> document.check(
                        "GET",
                        THING,
                        500,
                        "application/problem+json",
                        "{\"type\": \"urn:x\", \"title\": \"Boom\", \"status\": 500}"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("status 500 is not documented");
    }

    @Test
    void anUndocumentedRouteIsReported() {
        assertThatThrownBy(() -> document.check("GET", "/api/v1/things/t1/parts", 200, JSON, "[]"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("the path is not documented");
    }

    @Test
    void anUndocumentedMethodIsReported() {
        assertThatThrownBy(() -> document.check("PUT", THING, 200, JSON, "{\"id\": \"t1\", \"count\": 2}"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("PUT is not documented for /api/v1/things/{id}");
    }

    @Test
    void anUndocumentedMediaTypeIsReported() {
        assertThatThrownBy(() -> document.check("GET", THING, 404, JSON, "{\"error\": \"no\"}"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("application/json is not documented");
    }

    @Test
    void aLiteralSegmentIsMatchedBeforeAParameter() {
        // the mismatch names the literal route's schema, not the one of /things/{id}
        assertThatThrownBy(() -> document.check("GET", "/api/v1/things/latest", 200, JSON, "{\"id\": 1, \"count\": 1}"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("#/paths/~1api~1v1~1things~1latest/get");
    }

    @Test
    void eventsAreCheckedAgainstTheSchemaOfTheirName() {
        document.checkEvent("/api/v1/stream/things", "thing", "{\"id\": \"t1\", \"count\": 3}");
        assertThat(document.checked()).containsExactly("GET /api/v1/stream/things");

        assertThatThrownBy(() -> document.checkEvent("/api/v1/stream/things", "thing", "{\"id\": \"t1\"}"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("does not match");
        assertThatThrownBy(() -> document.checkEvent("/api/v1/stream/things", "gone", "{}"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("no schema in x-events");
    }
}
