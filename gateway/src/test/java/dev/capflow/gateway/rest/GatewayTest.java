package dev.capflow.gateway.rest;

import static io.restassured.RestAssured.given;

import dev.capflow.gateway.fake.FakeIngestService;
import dev.capflow.gateway.fake.InjectFakeIngest;
import dev.capflow.testsupport.TestTokens;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Common ground of the REST tests: a clean fake ingest service and closed circuit breakers before each test, and every
 * request sent with an admin token (the security tests send their own).
 */
abstract class GatewayTest {

    @InjectFakeIngest
    FakeIngestService fake;

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void resetDownstream() {
        fake.reset();
        breakers.resetAll();
    }

    @BeforeEach
    void sendAdminToken() {
        RestAssured.requestSpecification = new RequestSpecBuilder()
                .addHeader("Authorization", TestTokens.shared().bearer("admin"))
                .build();
    }

    @AfterEach
    void forgetToken() {
        RestAssured.requestSpecification = null;
    }

    /** The served OpenAPI document in FORMAT (json or yaml). */
    static String servedOpenApi(String format) {
        return given().queryParam("format", format)
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }
}
