package dev.capflow.gateway.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capflow.gateway.fake.FakeIngestServer;
import dev.capflow.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A body of a type a route does not take, a malformed Content-Type or none at all is refused the same way on every
 * route family: 415 problem+json naming {@code Content-Type}, never the HTTP layer's own plain or HTML answer.
 */
@QuarkusTest
@WithTestResource(FakeIngestServer.class)
class ContentTypeRulesTest extends GatewayTest {

    private static final String JSON = "application/json";
    private static final String CSV = "text/csv";

    @TestHTTPResource("/")
    URI root;

    private final ObjectMapper mapper = new ObjectMapper();

    /** Every write route with the type it takes. */
    private static final List<String[]> ROUTES = List.of(
            new String[] {"POST", "api/v1/baskets", JSON},
            new String[] {"PUT", "api/v1/baskets/team-a", JSON},
            new String[] {"PUT", "api/v1/instruments/NVDA", JSON},
            new String[] {"POST", "api/v1/prices/bars", JSON},
            new String[] {"POST", "api/v1/prices/ticks", JSON},
            new String[] {"POST", "api/v1/corporate-actions", JSON},
            new String[] {"POST", "api/v1/prices/csv?symbol=NVDA", CSV},
            new String[] {"POST", "api/v1/prices/bulk-csv", CSV},
            new String[] {"PUT", "api/v1/exposure/entities/lab", JSON},
            new String[] {"POST", "api/v1/exposure/edges", JSON},
            new String[] {"PUT", "api/v1/exposure/edges/e1", JSON},
            new String[] {"POST", "api/v1/exposure/stress", JSON});

    /** Content types no route takes, as sent (null: no header). */
    private static final List<String> FOREIGN = Stream.of(
                    "text/plain",
                    "application/xml",
                    "application/json-patch+json",
                    "multipart/form-data; boundary=xyz",
                    "application/x-www-form-urlencoded",
                    "application/",
                    "json",
                    "*/*",
                    "",
                    null)
            .toList();

    static Stream<Arguments> refusals() {
        List<Arguments> cases = new ArrayList<>();
        for (String[] route : ROUTES) {
            for (String type : FOREIGN) {
                cases.add(Arguments.of(route[0], route[1], route[2], type));
            }
            cases.add(Arguments.of(route[0], route[1], route[2], route[2].equals(JSON) ? CSV : JSON));
        }
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void aBodyOfAnotherTypeIs415NamingContentType(String method, String route, String takes, String sent)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + route))
                .header("Authorization", TestTokens.shared().bearer("admin"))
                .method(method, HttpRequest.BodyPublishers.ofString(takes.equals(JSON) ? "{}" : "Date,Close\n"));
        if (sent != null) {
            request.header("Content-Type", sent);
        }
        HttpResponse<String> answer =
                HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(415);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = mapper.readTree(answer.body());
        assertThat(problem.path("violations").findValuesAsText("field")).containsExactly("Content-Type");
        assertThat(problem.path("detail").asText()).startsWith("Content-Type ").contains(takes);
        assertThat(fake.requestCount()).isZero();
    }
}
