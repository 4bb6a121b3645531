package dev.capflow.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;

import dev.capflow.devstack.stack.ServiceProcess;
import dev.capflow.testsupport.TestTokens;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** REST calls to a running gateway process, with an admin token unless anonymous, each answer checked against the
 * OpenAPI document ({@link ContractCheck}); non-integral JSON numbers are read as doubles, so prices compare exactly. */
final class GatewayApi {

    private static final RestAssuredConfig CONFIG = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));

    private final String baseUrl;

    GatewayApi(ServiceProcess gateway) {
        this.baseUrl = gateway.baseUrl();
    }

    /** A request with an admin token (see {@link ServiceEnv#gateway}). */
    RequestSpecification request() {
        return anonymous().header("Authorization", TestTokens.shared().bearer("admin"));
    }

    /** A request without a token; its answer is checked against the gateway's OpenAPI document. */
    RequestSpecification anonymous() {
        return given().baseUri(baseUrl).config(CONFIG).filter(new ContractCheck(baseUrl));
    }

    /** Registers {@code symbol} as a USD equity (created or already there). */
    void registerEquity(String symbol) {
        request()
                .contentType(ContentType.JSON)
                .body("{\"name\": \"" + symbol
                        + " test equity\", \"currency\": \"USD\", \"exchange\": \"TEST\", \"kind\": \"EQUITY\"}")
                .put("/api/v1/instruments/{symbol}", symbol)
                .then()
                .statusCode(anyOf(is(200), is(201)));
    }

    /** POSTs a JSON body to {@code path} under /api/v1. */
    Response postJson(String path, String json) {
        return request().contentType(ContentType.JSON).body(json).post("/api/v1" + path);
    }
}
