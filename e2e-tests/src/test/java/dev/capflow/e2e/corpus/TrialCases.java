package dev.capflow.e2e.corpus;

import static dev.capflow.e2e.corpus.CorpusCase.refused;
import static dev.capflow.e2e.corpus.CorpusRequest.get;
import static dev.capflow.e2e.corpus.CorpusRequest.post;

import java.util.List;

/**
 * Defects the hostile trial (e2e-tests/trial/hostile_trial.py) found and that are fixed: an unknown id of thousands of
 * characters, whose echo in the error trailers once passed the clients' 8 KiB and reset the stream (a 502 here), and a
 * cross-holdings failure cost so large that the lost values overflowed and the answer held NaN.
 */
final class TrialCases {

    private static final String CATEGORY = "trial";
    private static final String HUGE_ID = "a".repeat(5000);

    private TrialCases() {}

    static List<CorpusCase> cases() {
        return List.of(
                refused(CATEGORY, "basket of a 5000-character id", get("/api/v1/baskets/" + HUGE_ID), null),
                refused(
                        CATEGORY,
                        "performance of a 5000-character basket id",
                        get("/api/v1/baskets/" + HUGE_ID + "/performance"),
                        null),
                refused(
                        CATEGORY,
                        "compare of two 3000-character basket ids",
                        get("/api/v1/compare?a=" + "a".repeat(3000) + "&b=" + "b".repeat(3000)),
                        null),
                refused(
                        CATEGORY,
                        "stream of a 5000-character basket id",
                        get("/api/v1/stream/baskets/" + HUGE_ID),
                        null),
                refused(CATEGORY, "entity of a 5000-character id", get("/api/v1/exposure/entities/" + HUGE_ID), null),
                refused(CATEGORY, "edge of a 5000-character id", get("/api/v1/exposure/edges/" + HUGE_ID), null),
                refused(
                        CATEGORY,
                        "CROSS_HOLDINGS failure cost 1e308",
                        post(
                                "/api/v1/exposure/stress",
                                Valid.stress("CROSS_HOLDINGS")
                                        .with("options", "{\"theta\": 0.9, \"beta\": 1e308}")
                                        .json()),
                        "beta"));
    }
}
