package dev.capflow.gateway.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.capflow.gateway.fake.Answer;
import dev.capflow.gateway.fake.FakeIngestServer;
import dev.capflow.gateway.fake.FakeIngestService;
import dev.capflow.gateway.fake.InjectFakeIngest;
import dev.capflow.proto.ingest.v1.IngestServiceGrpc;
import dev.capflow.proto.ingest.v1.ListInstrumentsResponse;
import dev.capflow.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The prod rules (no anonymous reads) with real RS256 tokens from {@link TestTokens}: who may call which route, and
 * the problem answers of every refusal. An allowed write is sent a body the route itself rejects with 400, so passing
 * the security check shows without any downstream call.
 */
@QuarkusTest
@WithTestResource(FakeIngestServer.class)
class SecurityTest {

    private static final TestTokens TOKENS = TestTokens.shared();

    @InjectFakeIngest
    FakeIngestService fake;

    @BeforeEach
    void resetDownstream() {
        fake.reset();
    }

    /** A request: method, path, the role it needs. */
    /** A route and the role it needs, called with a bad body of {@code contentType}. */
    private record Route(String method, String path, String role, String contentType) {

        Route(String method, String path, String role) {
            this(method, path, role, ContentType.JSON.toString());
        }

        ValidatableResponse send(RequestSpecification request) {
            return request.contentType(contentType)
                    .body("\"not an object\"")
                    .request(method, path)
                    .then();
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final Route[] ROUTES = {
        new Route("GET", "/api/v1/prices/latest", "viewer"),
        new Route("GET", "/api/v1/prices/NVDA/minute-bars?from=bad", "viewer"),
        new Route("GET", "/api/v1/baskets/team-google/performance?from=bad", "viewer"),
        new Route("GET", "/api/v1/stream/prices?symbols=", "viewer"),
        new Route("POST", "/api/v1/exposure/stress", "viewer"),
        new Route("POST", "/api/v1/baskets", "analyst"),
        new Route("PUT", "/api/v1/baskets/team-google", "analyst"),
        new Route("PUT", "/api/v1/exposure/entities/openai", "analyst"),
        new Route("POST", "/api/v1/exposure/edges", "analyst"),
        new Route("POST", "/api/v1/prices/bars", "ingest"),
        new Route("POST", "/api/v1/prices/ticks", "ingest"),
        new Route("POST", "/api/v1/prices/bulk-csv", "ingest", "text/csv"),
        new Route("PUT", "/api/v1/instruments/NVDA", "ingest"),
        new Route("POST", "/api/v1/corporate-actions", "ingest"),
        new Route("DELETE", "/api/v1/corporate-actions/NVDA/not-a-date/SPLIT", "ingest"),
    };

    /** Whether {@code role} grants what {@code needed} asks: the hierarchy admin > analyst, ingest > viewer. */
    private static boolean grants(String role, String needed) {
        return role.equals(needed) || role.equals("admin") || needed.equals("viewer");
    }

    static Stream<Arguments> everyRoleOnEveryRoute() {
        return Stream.of("viewer", "analyst", "ingest", "admin")
                .flatMap(role -> Stream.of(ROUTES).map(route -> Arguments.of(role, route)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyRoleOnEveryRoute")
    void eachRolePassesExactlyTheRoutesItsRoleGrants(String role, Route route) {
        ValidatableResponse response = route.send(given().header("Authorization", TOKENS.bearer(role)));
        if (grants(role, route.role())) {
            response.statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:capflow:problem:invalid-request"));
        } else {
            response.statusCode(403)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:capflow:problem:forbidden"))
                    .body("status", equalTo(403))
                    .body("instance", equalTo(route.path().replaceAll("\\?.*", "")));
        }
    }

    static Stream<Route> everyRoute() {
        return Stream.of(ROUTES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyRoute")
    void withoutATokenEveryApiRouteIs401WithABearerChallenge(Route route) {
        assertUnauthorized(route.send(given()));
    }

    @Test
    void aViewerReadsTheAnswerOfTheService() {
        fake.script(
                IngestServiceGrpc.getListInstrumentsMethod(),
                Answer.reply(ListInstrumentsResponse.getDefaultInstance()));

        given().header("Authorization", TOKENS.bearer("viewer"))
                .when()
                .get("/api/v1/instruments")
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));
    }

    @Test
    void aTokenSignedByAnotherKeyIs401() {
        assertUnauthorized(given().header("Authorization", TestTokens.generate().bearer("admin"))
                .when()
                .get("/api/v1/instruments")
                .then());
    }

    @ParameterizedTest
    @ValueSource(ints = {300, 10}) // 10: seconds ago, past the 1 s of clock skew but within smallrye-jwt's default 60
    void anExpiredTokenIs401(int expiredSecondsAgo) {
        String expired = TOKENS.token("alice", Duration.ofSeconds(-expiredSecondsAgo), "admin");
        assertUnauthorized(given().header("Authorization", "Bearer " + expired)
                .when()
                .get("/api/v1/instruments")
                .then());
    }

    @Test
    void aTokenIssuedInTheFutureIs401AndOneIssuedSecondsAheadIsAccepted() {
        // an hour ahead, valid an hour from then: smallrye-jwt alone accepts it, since iat is before exp
        String ahead =
                TOKENS.tokenIssuedAt("alice", Instant.now().plus(Duration.ofHours(1)), Duration.ofHours(1), "admin");
        assertUnauthorized(given().header("Authorization", "Bearer " + ahead)
                .when()
                .get("/api/v1/instruments")
                .then());
        fake.script(
                IngestServiceGrpc.getListInstrumentsMethod(),
                Answer.reply(ListInstrumentsResponse.getDefaultInstance()));
        String skewed = TOKENS.tokenIssuedAt("bob", Instant.now().plusSeconds(5), Duration.ofHours(1), "admin");
        given().header("Authorization", "Bearer " + skewed)
                .when()
                .get("/api/v1/instruments")
                .then()
                .statusCode(200);
    }

    @Test
    void aTokenFromAnotherIssuerIs401() {
        String foreign = TOKENS.tokenFromIssuer("someone-else", "alice", "admin");
        assertUnauthorized(given().header("Authorization", "Bearer " + foreign)
                .when()
                .get("/api/v1/instruments")
                .then());
    }

    @Test
    void aTamperedTokenIs401() {
        String[] parts = TOKENS.token("viewer").split("\\.");
        String upgraded = java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(new String(java.util.Base64.getUrlDecoder().decode(parts[1]))
                        .replace("\"viewer\"", "\"admin\"")
                        .getBytes());
        assertUnauthorized(given().header("Authorization", "Bearer " + parts[0] + "." + upgraded + "." + parts[2])
                .when()
                .get("/api/v1/instruments")
                .then());
    }

    @Test
    void aTokenWithAnUnknownRoleOnlyIs403() {
        given().header("Authorization", TOKENS.bearer("guest"))
                .when()
                .get("/api/v1/instruments")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void healthOpenApiMetricsAndTheDashboardNeedNoToken() {
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/openapi").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200);
        given().when().get("/").then().statusCode(200).contentType(ContentType.HTML);
    }

    @Test
    void aCorsPreflightFromAnAllowedOriginMayCarryTheToken() {
        given().header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .when()
                .options("/api/v1/baskets")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:5173")
                .header(
                        "Access-Control-Allow-Headers",
                        org.hamcrest.Matchers.containsStringIgnoringCase("authorization"));
    }

    @Test
    void aCorsPreflightAllowsTheIdempotencyKeyAndAnswersExposeEveryHeaderAClientReads() {
        given().header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,idempotency-key")
                .when()
                .options("/api/v1/baskets")
                .then()
                .statusCode(200)
                .header(
                        "Access-Control-Allow-Headers",
                        org.hamcrest.Matchers.containsStringIgnoringCase("idempotency-key"));
        given().header("Origin", "http://localhost:5173")
                .when()
                .get("/q/health/live")
                .then()
                .statusCode(200)
                .header(
                        "Access-Control-Expose-Headers",
                        org.hamcrest.Matchers.allOf(
                                org.hamcrest.Matchers.containsString("X-Next-Page-Token"),
                                org.hamcrest.Matchers.containsString("X-Capflow-Stale"),
                                org.hamcrest.Matchers.containsString("Warning")));
    }

    @Test
    void aCorsPreflightFromAnotherOriginIsNotAllowed() {
        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .when()
                .options("/api/v1/baskets")
                .then()
                .header("Access-Control-Allow-Origin", nullValue());
    }

    private static void assertUnauthorized(ValidatableResponse response) {
        response.statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("urn:capflow:problem:unauthorized"))
                .body("status", equalTo(401));
    }
}
