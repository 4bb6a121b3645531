package dev.capflow.e2e.corpus;

import static dev.capflow.e2e.corpus.CorpusCase.answered;
import static dev.capflow.e2e.corpus.CorpusCase.refused;
import static dev.capflow.e2e.corpus.CorpusRequest.get;
import static dev.capflow.e2e.corpus.CorpusRequest.post;
import static dev.capflow.e2e.corpus.CorpusRequest.put;
import static dev.capflow.e2e.corpus.JsonBody.str;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The funding graph: the edge that would close a near-singular equity cycle (A owns 0.99 of B, B 0.99 of A) and the
 * share that makes 0.7 + 0.2 + 0.1 (one, though not in floating point) are refused; extreme and invalid shocks, options of another model, 1,000 unknown shocks,
 * unknown entities, and edges and entities that break the graph's rules.
 */
final class GraphCases {

    private static final String CATEGORY = "graph";
    private static final List<String> MODELS = List.of("CROSS_HOLDINGS", "DEBTRANK", "CLEARING");
    private static final String STRESS = "/api/v1/exposure/stress";
    private static final String EDGES = "/api/v1/exposure/edges";
    private static final String EDGE_HISTORY = EDGES + "/" + Valid.NEW_EDGE + "/history";
    private static final String ENTITY = "/api/v1/exposure/entities/" + Valid.NEW_ENTITY;

    private GraphCases() {}

    static List<CorpusCase> cases() {
        List<CorpusCase> cases = new ArrayList<>();
        for (String model : MODELS) {
            for (String entity : List.of("corpus-a", "corpus-b", "corpus-t")) {
                cases.add(answered(
                        CATEGORY,
                        model + " shock on " + entity,
                        post(
                                STRESS,
                                Valid.stress(model)
                                        .with("shocks", Valid.shock(str(entity), "-0.99"))
                                        .json())));
            }
            cases.add(answered(
                    CATEGORY,
                    model + " shocks on both sides of the cycle",
                    post(
                            STRESS,
                            Valid.stress(model)
                                    .with(
                                            "shocks",
                                            "[{\"entity\": \"corpus-a\", \"valueChange\": -1}, {\"entity\": \"corpus-b\", \"valueChange\": -1}]")
                                    .json())));
            cases.add(answered(CATEGORY, model + " valueChange 5e-324", stress(model, "corpus-a", "5e-324")));
            cases.add(answered(CATEGORY, model + " valueChange -1e-320", stress(model, "corpus-a", "-1e-320")));
            cases.add(refused(CATEGORY, model + " valueChange -2", stress(model, "corpus-a", "-2"), "valueChange"));
            cases.add(refused(
                    CATEGORY, model + " valueChange NaN", stress(model, "corpus-a", str("NaN")), "valueChange"));
            cases.add(refused(
                    CATEGORY,
                    model + " valueChange Infinity",
                    stress(model, "corpus-a", str("Infinity")),
                    "valueChange"));
            cases.add(refused(CATEGORY, model + " unknown entity", stress(model, "nobody-at-all", "-0.5"), "entity"));
            cases.add(refused(
                    CATEGORY,
                    model + " 1000 unknown shocks",
                    post(
                            STRESS,
                            Valid.stress(model)
                                    .with("shocks", unknownShocks(1000))
                                    .json()),
                    "entity"));
            cases.add(refused(
                    CATEGORY,
                    model + " no shocks",
                    post(STRESS, Valid.stress(model).with("shocks", "[]").json()),
                    "shocks"));
            cases.add(refused(
                    CATEGORY,
                    model + " amounts WRONG",
                    post(
                            STRESS,
                            Valid.stress(model).with("amounts", str("WRONG")).json()),
                    "amounts"));
        }
        cases.add(
                answered(CATEGORY, "CROSS_HOLDINGS valueChange 1e300", stress("CROSS_HOLDINGS", "corpus-a", "1e300")));
        cases.add(answered(CATEGORY, "CLEARING valueChange 1e300", stress("CLEARING", "corpus-a", "1e300")));
        cases.add(refused(
                CATEGORY, "DEBTRANK valueChange 1e300", stress("DEBTRANK", "corpus-a", "1e300"), "valueChange"));
        cases.add(refused(CATEGORY, "DEBTRANK valueChange 0.5", stress("DEBTRANK", "corpus-a", "0.5"), "valueChange"));
        cases.add(refused(
                CATEGORY, "unknown model", post(STRESS, Valid.stress("FOO").json()), "model"));
        cases.add(refused(
                CATEGORY,
                "no model",
                post(STRESS, Valid.stress("DEBTRANK").without("model").json()),
                "model"));
        cases.add(options("CROSS_HOLDINGS", "beta without theta", "{\"beta\": 0.5}", "theta"));
        cases.add(options("CROSS_HOLDINGS", "rule", "{\"theta\": 0.9, \"rule\": \"2015\"}", "rule"));
        cases.add(options("CROSS_HOLDINGS", "alpha", "{\"theta\": 0.9, \"alpha\": 0.5}", "alpha"));
        cases.add(options("CROSS_HOLDINGS", "horizonYears", "{\"theta\": 0.9, \"horizonYears\": 5}", "horizonYears"));
        cases.add(options("CROSS_HOLDINGS", "theta 1.5", "{\"theta\": 1.5}", "theta"));
        cases.add(options("CROSS_HOLDINGS", "theta NaN", "{\"theta\": \"NaN\"}", "theta"));
        cases.add(options("CROSS_HOLDINGS", "beta -1", "{\"theta\": 0.9, \"beta\": -1}", "beta"));
        cases.add(options("DEBTRANK", "theta", "{\"theta\": 0.9}", "theta"));
        cases.add(options("DEBTRANK", "beta", "{\"beta\": 0.5}", "beta"));
        cases.add(options("DEBTRANK", "alpha", "{\"alpha\": 0.5}", "alpha"));
        cases.add(options("DEBTRANK", "rule 1999", "{\"rule\": \"1999\"}", "rule"));
        cases.add(options("CLEARING", "theta", "{\"theta\": 0.9}", "theta"));
        cases.add(options("CLEARING", "rule", "{\"rule\": \"2012\"}", "rule"));
        cases.add(options("CLEARING", "alpha 0", "{\"alpha\": 0}", "alpha"));
        cases.add(options("CLEARING", "alpha 2", "{\"alpha\": 2}", "alpha"));
        cases.add(options("CLEARING", "beta 0", "{\"beta\": 0}", "beta"));
        cases.add(options("CLEARING", "horizonYears 0", "{\"horizonYears\": 0}", "horizonYears"));
        cases.add(options("CLEARING", "horizonYears 1e308", "{\"horizonYears\": 1e308}", "horizonYears"));
        cases.add(options("CLEARING", "horizonYears 101", "{\"horizonYears\": 101}", "horizonYears"));
        cases.add(options("CLEARING", "horizonYears 1e-320", "{\"horizonYears\": 1e-320}", "horizonYears"));

        cases.add(answered(
                CATEGORY,
                "lookthrough into the cycle",
                get("/api/v1/exposure/lookthrough?target=corpus-a&asOf=" + Valid.AS_OF)));
        cases.add(answered(
                CATEGORY,
                "lookthrough into the share sum",
                get("/api/v1/exposure/lookthrough?target=corpus-t&asOf=" + Valid.AS_OF)));
        cases.add(answered(
                CATEGORY,
                "loops through the cycle",
                get("/api/v1/exposure/loops?maxLength=50&limit=100000&asOf=" + Valid.AS_OF)));
        cases.add(refused(
                CATEGORY,
                "lookthrough unknown target",
                get("/api/v1/exposure/lookthrough?target=nobody-at-all"),
                null));
        cases.add(refused(CATEGORY, "unknown entity", get("/api/v1/exposure/entities/nobody-at-all"), null));
        cases.add(refused(
                CATEGORY,
                "history of an unknown entity",
                get("/api/v1/exposure/entities/nobody-at-all/history"),
                null));
        cases.add(refused(CATEGORY, "unknown edge", get(EDGES + "/no-such-edge"), null));
        cases.add(refused(
                CATEGORY,
                "delete an entity with edges",
                CorpusRequest.delete("/api/v1/exposure/entities/corpus-a"),
                null));

        cases.add(edge("closing the 0.99 cycle", Valid.equity(Valid.NEW_EDGE, "corpus-b", "corpus-a", "0.99"), null));
        cases.add(edge("0.1 after 0.7 and 0.2", Valid.equity(Valid.NEW_EDGE, "corpus-z", "corpus-t", "0.1"), "share"));
        cases.add(edge("share 1.5", Valid.equity(Valid.NEW_EDGE, "corpus-x", "corpus-b", "1.5"), "share"));
        cases.add(edge(
                "EQUITY without share",
                Valid.equity(Valid.NEW_EDGE, "corpus-x", "corpus-b", "0.1").without("share"),
                "share"));
        cases.add(edge("shares of T past 1", Valid.equity(Valid.NEW_EDGE, "corpus-a", "corpus-t", "0.1"), "share"));
        cases.add(edge("shares of B past 1", Valid.equity(Valid.NEW_EDGE, "corpus-x", "corpus-b", "0.02"), "share"));
        cases.add(edge("self loop", Valid.edge().with("to", str("corpus-x")), "to"));
        cases.add(edge("unknown from", Valid.edge().with("from", str("nobody-at-all")), "from"));
        cases.add(edge("unknown to", Valid.edge().with("to", str("nobody-at-all")), "to"));
        cases.add(edge("unknown kind", Valid.edge().with("kind", str("LOAN")), "kind"));
        cases.add(edge("unknown confidence", Valid.edge().with("confidence", str("SURE")), "confidence"));
        cases.add(edge(
                "unknown capacityKind",
                Valid.edge().with("capacityGw", "1").with("capacityKind", str("FUSION")),
                "capacityKind"));
        cases.add(edge(
                "low above amount",
                Valid.edge().with("estimated", "true").with("amountLowUsd", "2000000"),
                "amountLowUsd"));
        cases.add(edge(
                "high below amount",
                Valid.edge().with("estimated", "true").with("amountHighUsd", "10"),
                "amountHighUsd"));
        cases.add(edge("share on an INVESTMENT", Valid.edge().with("share", "0.1"), "share"));
        cases.add(edge("no from", Valid.edge().without("from"), "from"));
        cases.add(edge("no asOf", Valid.edge().without("asOf"), "asOf"));
        cases.add(refused(
                CATEGORY,
                "edge replaced under another id",
                put(
                        EDGES + "/" + Valid.EDGE,
                        Valid.equity("corpus-other", "corpus-a", "corpus-b", "0.5")
                                .with("version", "0")
                                .json()),
                "id"));
        cases.add(refused(
                CATEGORY,
                "edge replaced without version",
                put(
                        EDGES + "/" + Valid.EDGE,
                        Valid.equity(Valid.EDGE, "corpus-a", "corpus-b", "0.5").json()),
                "version"));
        cases.add(refused(
                        CATEGORY,
                        "edge of an unknown id replaced",
                        put(
                                EDGES + "/" + Valid.NEW_EDGE,
                                Valid.equity(Valid.NEW_EDGE, "corpus-a", "corpus-b", "0.5")
                                        .with("version", "0")
                                        .json()),
                        null)
                .absentAfter(EDGE_HISTORY));

        cases.add(entity("LISTED without ticker", Valid.listedEntity(), "ticker"));
        cases.add(entity("LISTED with an unknown ticker", Valid.listedEntity().with("ticker", str("ZZZZ9")), "ticker"));
        cases.add(entity("PRIVATE without valuation", Valid.entity().without("valuationUsd"), "valuationUsd"));
        cases.add(entity("unknown kind", Valid.entity().with("kind", str("TRUST")), "kind"));
        cases.add(entity("no name", Valid.entity().without("name"), "name"));
        cases.add(refused(
                CATEGORY,
                "entity id with a slash",
                put("/api/v1/exposure/entities/a%2Fb", Valid.entity().json()),
                null));
        return cases;
    }

    private static CorpusRequest stress(String model, String entity, String valueChange) {
        return post(
                STRESS,
                Valid.stress(model)
                        .with("shocks", Valid.shock(str(entity), valueChange))
                        .json());
    }

    private static CorpusCase options(String model, String what, String options, String named) {
        return refused(
                CATEGORY,
                model + " option " + what,
                post(STRESS, Valid.stress(model).with("options", options).json()),
                named);
    }

    private static CorpusCase edge(String what, JsonBody body, String named) {
        return refused(CATEGORY, "edge " + what, post(EDGES, body.json()), named)
                .absentAfter(EDGE_HISTORY);
    }

    private static CorpusCase entity(String what, JsonBody body, String named) {
        return refused(CATEGORY, "entity " + what, put(ENTITY, body.json()), named)
                .absentAfter(ENTITY + "/history");
    }

    private static String unknownShocks(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> "{\"entity\": \"unknown-" + i + "\", \"valueChange\": -0.1}")
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
