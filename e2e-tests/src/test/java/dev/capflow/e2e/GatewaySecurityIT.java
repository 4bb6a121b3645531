package dev.capflow.e2e;

import static org.hamcrest.Matchers.equalTo;

import dev.capflow.devstack.stack.ServiceProcess;
import dev.capflow.devstack.stack.StackEnvironment;
import dev.capflow.testsupport.Datastores;
import dev.capflow.testsupport.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged gateway in its prod profile, in front of a real ingest-service: no token, no answer (401, also for
 * reads); the wrong role 403; a token of its role goes through; and a burst of writes from one caller gets 429 from
 * buckets kept in the test's Redis (write capacity 5 here).
 */
class GatewaySecurityIT {

    private static final String BAR = "[{\"symbol\": \"SECU\", \"date\": \"2025-10-29\", \"open\": 10, \"high\": 11, "
            + "\"low\": 9, \"close\": 10.5, \"volume\": 100}]";

    private static Datastores stores;
    private static ServiceProcess ingest;
    private static ServiceProcess gateway;
    private static GatewayApi api;

    @BeforeAll
    static void startPlatform() {
        stores = Datastores.start(6);
        stores.redisCommand("FLUSHDB");
        StackEnvironment stack = ServiceEnv.stack(ServiceEnv.datastores(stores), "ingest-service", "gateway")
                .with(
                        "gateway",
                        Map.of(
                                "CAPFLOW_GATEWAY_RATE_LIMIT_WRITE_CAPACITY", "5",
                                "CAPFLOW_GATEWAY_RATE_LIMIT_WRITE_REFILL_PER_SECOND", "0.1"));
        ingest = ServiceEnv.start(stack, "ingest-service");
        gateway = ServiceEnv.start(stack, "gateway");
        api = new GatewayApi(gateway);
        api.registerEquity("SECU");
    }

    @AfterAll
    static void stopPlatform() throws Exception {
        gateway.close();
        ingest.close();
        stores.close();
    }

    private static Response postBars(String authorization) {
        var request = api.anonymous().contentType(ContentType.JSON).body(BAR);
        if (authorization != null) {
            request = request.header("Authorization", authorization);
        }
        return request.post("/api/v1/prices/bars");
    }

    @Test
    void withoutATokenWritesAndReadsGet401ProblemJson() {
        postBars(null)
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("urn:capflow:problem:unauthorized"));
        api.anonymous().get("/api/v1/instruments").then().statusCode(401).contentType("application/problem+json");
        api.anonymous().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void aForgedTokenGets401AndTheWrongRole403() {
        postBars(TestTokens.generate().bearer("admin")).then().statusCode(401);
        postBars(TestTokens.shared().bearer("viewer"))
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:capflow:problem:forbidden"));
    }

    @Test
    void anIngestTokenWritesAndABurstGets429WithRetryAfter() {
        String ingestToken = "Bearer " + TestTokens.shared().token("burst-ingest", Duration.ofHours(1), "ingest");
        for (int i = 0; i < 5; i++) {
            postBars(ingestToken).then().statusCode(200);
        }
        postBars(ingestToken)
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", equalTo("10"))
                .body("type", equalTo("urn:capflow:problem:rate-limited"));
        // another caller has a bucket of its own
        postBars("Bearer " + TestTokens.shared().token("other-ingest", Duration.ofHours(1), "ingest"))
                .then()
                .statusCode(200);
    }
}
