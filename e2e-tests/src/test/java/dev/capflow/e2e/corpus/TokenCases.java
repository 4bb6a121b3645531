package dev.capflow.e2e.corpus;

import static dev.capflow.e2e.corpus.CorpusCase.refused;

import dev.capflow.testsupport.TestTokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bearer tokens the gateway must not trust, on reads and writes of every service: none, malformed, forged with
 * another key, expired, from another issuer or audience, unsigned, and the wrong role for the route.
 */
final class TokenCases {

    private static final String CATEGORY = "tokens";

    private TokenCases() {}

    static List<CorpusCase> cases() {
        TestTokens shared = TestTokens.shared();
        String admin = shared.token("admin");
        String[] parts = admin.split("\\.");
        String unsigned = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes()) + "."
                + parts[1] + ".";
        Map<String, String> untrusted = new LinkedHashMap<>();
        untrusted.put("missing", "");
        untrusted.put("empty bearer", "Bearer ");
        untrusted.put("malformed", "Bearer not.a.token");
        untrusted.put("basic scheme", "Basic YWRtaW46YWRtaW4=");
        untrusted.put("forged", TestTokens.generate().bearer("admin"));
        untrusted.put("expired", "Bearer " + shared.token("corpus-expired", Duration.ofMinutes(-10), "admin"));
        untrusted.put("wrong issuer", "Bearer " + shared.tokenFromIssuer("someone-else", "corpus", "admin"));
        untrusted.put("internal audience", "Bearer " + shared.serviceToken("corpus", "admin", Duration.ofHours(1)));
        untrusted.put("unsigned", "Bearer " + unsigned);
        untrusted.put("signature cut", "Bearer " + parts[0] + "." + parts[1] + "." + parts[2].substring(0, 10));
        untrusted.put("8 KB of garbage", "Bearer " + "x".repeat(8192));

        List<CorpusRequest> routes = List.of(
                CorpusRequest.get("/api/v1/instruments"),
                CorpusRequest.post("/api/v1/prices/bars", Valid.bar().inArray()),
                CorpusRequest.post("/api/v1/baskets", Valid.basket().json()),
                CorpusRequest.delete("/api/v1/baskets/" + Valid.BASKET),
                CorpusRequest.put(
                        "/api/v1/exposure/entities/" + Valid.NEW_ENTITY,
                        Valid.entity().json()),
                CorpusRequest.post(
                        "/api/v1/exposure/stress", Valid.stress("DEBTRANK").json()));
        List<CorpusCase> cases = new ArrayList<>();
        for (CorpusRequest route : routes) {
            String label = route.method() + " " + route.target();
            untrusted.forEach((what, authorization) -> cases.add(
                    refused(CATEGORY, label + " token " + what, route.withAuthorization(authorization), null)));
            if (route.writes() && !route.target().endsWith("/stress")) {
                cases.add(refused(CATEGORY, label + " as viewer", route.withRole("viewer"), null));
                cases.add(refused(CATEGORY, label + " with no role", route.withRole("nobody"), null));
            }
        }
        cases.add(refused(
                        CATEGORY,
                        "ingest role writes a basket",
                        CorpusRequest.post("/api/v1/baskets", Valid.basket().json())
                                .withRole("ingest"),
                        null)
                .absentAfter("/api/v1/baskets/" + Valid.NEW_BASKET));
        return cases;
    }
}
