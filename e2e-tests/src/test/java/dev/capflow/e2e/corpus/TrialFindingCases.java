package dev.capflow.e2e.corpus;

import static dev.capflow.e2e.corpus.CorpusCase.refused;
import static dev.capflow.e2e.corpus.CorpusRequest.get;
import static dev.capflow.e2e.corpus.CorpusRequest.post;
import static dev.capflow.e2e.corpus.CorpusRequest.put;
import static dev.capflow.e2e.corpus.JsonBody.str;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the fresh hostile trial ({@code e2e-tests/trial/hostile_trial.py}) found beyond the other categories: names with
 * nothing visible or with a bidirectional override, a malformed basket id in a query parameter, and lists longer than
 * their limits, which must be refused before any element is read.
 */
final class TrialFindingCases {

    private static final String CATEGORY = "trial";
    /** Names a person could not tell from empty, or that display in another order than stored, as JSON literals. */
    private static final Map<String, String> INVISIBLE_NAMES = Map.of(
            "zero-width spaces", str("\\u200b\\u200b"),
            "combining accents alone", str("\\u0301\\u0301"),
            "no-break spaces", str("\\u00a0\\u00a0"),
            "a right-to-left override", str("Team\\u202eelgoog"));

    private static final String SHOCK = "{\"entity\": \"corpus-a\", \"valueChange\": -0.5}";

    private TrialFindingCases() {}

    static List<CorpusCase> cases() {
        List<CorpusCase> cases = new ArrayList<>();
        String entity = "/api/v1/exposure/entities/" + Valid.NEW_ENTITY;
        INVISIBLE_NAMES.forEach((what, name) -> {
            cases.add(refused(
                    CATEGORY,
                    "instrument name of " + what,
                    put(
                            "/api/v1/instruments/" + Valid.NEW_SYMBOL,
                            Valid.instrument().with("name", name).json()),
                    "name"));
            cases.add(refused(
                            CATEGORY,
                            "basket name of " + what,
                            post(
                                    "/api/v1/baskets",
                                    Valid.basket().with("name", name).json()),
                            "name")
                    .absentAfter("/api/v1/baskets/" + Valid.NEW_BASKET));
            cases.add(refused(
                            CATEGORY,
                            "entity name of " + what,
                            put(entity, Valid.entity().with("name", name).json()),
                            "name")
                    .absentAfter(entity + "/history"));
        });
        cases.add(refused(
                CATEGORY,
                "compare basket id with a right-to-left override",
                get("/api/v1/compare?a=corpus-basket%E2%80%AE&b=" + Valid.BASKET),
                "a"));
        cases.add(refused(
                CATEGORY,
                "bars array of 50001 empty objects",
                post("/api/v1/prices/bars", "[" + "{},".repeat(50_000) + "{}]"),
                "body"));
        cases.add(refused(
                CATEGORY,
                "stress with 10001 copies of one shock",
                post(
                        "/api/v1/exposure/stress",
                        Valid.stress("CROSS_HOLDINGS")
                                .with("shocks", "[" + (SHOCK + ",").repeat(10_000) + SHOCK + "]")
                                .json()),
                "shocks"));
        return cases;
    }
}
