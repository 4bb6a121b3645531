package dev.capflow.ingest.stooq;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A local WireMock server answering like Stooq's daily CSV download: STQ (3 days), GONE and MISSING
 * (404), FLAKY (a reset connection, then the same 3 days); the hourly poller runs against it for STQ and GONE.
 */
public class StooqWireMockResource implements QuarkusTestResourceLifecycleManager {

    static final String STQ_CSV = """
            Date,Open,High,Low,Close,Volume
            2025-10-27,191.5,192.2,187.6,191.49,153452700
            2025-10-28,193.05,203.15,191.89,201.03,297986200
            2025-10-29,207.98,212.19,204.78,207.04,308829600
            """;

    static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        server.stubFor(get(urlPathEqualTo("/q/d/l/"))
                .withQueryParam("s", equalTo("stq.us"))
                .withQueryParam("i", equalTo("d"))
                .willReturn(aResponse().withHeader("Content-Type", "text/csv").withBody(STQ_CSV)));
        server.stubFor(get(urlPathEqualTo("/q/d/l/"))
                .withQueryParam("s", equalTo("gone.us"))
                .willReturn(aResponse().withStatus(404).withBody("No data")));
        server.stubFor(get(urlPathEqualTo("/q/d/l/"))
                .withQueryParam("s", equalTo("missing.us"))
                .willReturn(aResponse().withStatus(404).withBody("No data")));
        // FLAKY (not polled on schedule): the first download breaks off mid-connection, the next one succeeds
        server.stubFor(get(urlPathEqualTo("/q/d/l/"))
                .withQueryParam("s", equalTo("flaky.us"))
                .inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
                .willSetStateTo("recovered"));
        server.stubFor(get(urlPathEqualTo("/q/d/l/"))
                .withQueryParam("s", equalTo("flaky.us"))
                .inScenario("flaky")
                .whenScenarioStateIs("recovered")
                .willReturn(aResponse().withHeader("Content-Type", "text/csv").withBody(STQ_CSV)));
        return Map.of(
                "capflow.stooq.enabled",
                "true",
                "capflow.stooq.interval",
                "1h",
                "capflow.stooq.base-url",
                server.baseUrl(),
                "capflow.stooq.symbols",
                "STQ,GONE");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
