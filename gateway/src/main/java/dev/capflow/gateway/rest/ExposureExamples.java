package dev.capflow.gateway.rest;

/**
 * Example bodies for the OpenAPI document of the exposure routes (illustrative figures, shaped like real answers), and
 * the text of the parameter every read of the graph takes.
 */
final class ExposureExamples {

    /**
     * OpenAPI text of the knownAt query parameter. No example: one would pre-fill an instant before a fresh platform
     * recorded its graph, and Swagger UI's "try it out" would answer nothing.
     */
    static final String KNOWN_AT_DOC = "ISO-8601 instant such as 2026-01-05T10:00:00Z: as capflow knew it then (default"
            + " now). Before the graph was recorded nothing is known: no entity, no edge, no loop.";

    static final String ENTITY = """
            {"id": "openai", "name": "OpenAI", "kind": "PRIVATE", "listings": [],
             "valuationUsd": 500000000000, "valuationAsOf": "2025-10-02",
             "valuationSource": "https://digitalmarketreports.com/news/50151/openai-employees-cash-out-6-6-billion-pushing-valuation-to-500b",
             "version": 0,
             "value": {"valueUsd": 500000000000, "method": "MARK",
                       "asOf": "2025-10-02", "source": "https://digitalmarketreports.com/news/50151"}}""";

    static final String ENTITIES = "[" + ENTITY + "]";

    static final String ENTITY_INPUT = """
            {"name": "Oracle Corporation", "kind": "LISTED", "ticker": "ORCL", "revenueUsd": 57400000000,
             "revenueAsOf": "2025-05-31"}""";

    static final String EDGE = """
            {"id": "e14-openai-oracle-purchase", "from": "openai", "to": "oracle", "kind": "PURCHASE",
             "amountUsd": 300000000000, "asOf": "2025-09-10",
             "source": "https://www.wsj.com/ (reported 2025-09-10)", "confidence": "HIGH", "estimated": false,
             "note": "compute over about 5 years from 2027", "sourceRow": "E14", "version": 0}""";

    static final String EDGES = "[" + EDGE + "]";

    static final String EDGE_INPUT = """
            {"from": "openai", "to": "oracle", "kind": "PURCHASE", "amountUsd": 300000000000, "asOf": "2025-09-10",
             "source": "WSJ, 2025-09-10", "confidence": "HIGH"}""";

    static final String LOOPS = """
            {"loops": [{"entities": ["nvidia", "openai", "oracle"],
                        "edges": [{"id": "e12-nvidia-openai-investment", "from": "nvidia", "to": "openai",
                                   "kind": "INVESTMENT", "amountUsd": 100000000000, "asOf": "2025-09-22",
                                   "sourceRow": "E12", "confidence": "HIGH", "estimated": false, "version": 0}],
                        "bottleneckUsd": 40000000000, "totalUsd": 440000000000}],
             "truncated": false,
             "circularShares": [{"entity": "oracle", "circularShare": 1.0}]}""";

    static final String LOOK_THROUGH = """
            {"target": "openai", "targetValueUsd": 500000000000,
             "exposures": [{"entity": "microsoft", "directShare": 0.27, "totalShare": 0.27,
                            "valueAtStakeUsd": 135000000000, "fractionOfOwnValue": 0.0376,
                            "contractedInflowUsd": 250000000000, "inflowToRevenue": 0.887, "valueUsd": 3594000000000,
                            "markedBelowStakes": false,
                            "valuation": {"valueUsd": 3594000000000, "method": "MARKET_CAP",
                                          "price": {"symbol": "MSFT", "price": 483.62, "currency": "USD",
                                                    "ts": "2025-12-31T00:00:00Z"},
                                          "sharesOutstanding": 7432000000}},
                           {"entity": "softbank", "directShare": 0.11, "totalShare": 0.11,
                            "valueAtStakeUsd": 55000000000, "fractionOfOwnValue": 0.34,
                            "contractedInflowUsd": 0, "inflowToRevenue": null, "valueUsd": 161000000000,
                            "markedBelowStakes": false,
                            "valuation": {"valueUsd": 161000000000, "method": "MARKET_CAP",
                                          "price": {"symbol": "9984.T", "price": 17390, "currency": "JPY",
                                                    "ts": "2025-12-31T00:00:00Z"},
                                          "sharesOutstanding": 1425000000,
                                          "fx": {"symbol": "DEXJPUS", "price": 153.9, "currency": "JPY",
                                                 "ts": "2025-12-31T00:00:00Z"}}}]}""";

    static final String STRESS_INPUT = """
            {"model": "DEBTRANK", "shocks": [{"entity": "openai", "valueChange": -0.5}], "options": {"rule": "2015"},
             "asOf": "2025-12-31"}""";

    static final String STRESS = """
            {"model": "DEBTRANK",
             "entities": [{"entity": "openai", "valueUsd": 500000000000, "relativeChange": -0.5,
                           "valueLostUsd": -250000000000, "failedInWave": null, "markedBelowStakes": false,
                           "valuation": {"valueUsd": 500000000000, "method": "MARK", "asOf": "2025-10-02",
                                         "source": "https://digitalmarketreports.com/news/50151"},
                           "clearingBaseline": null, "clearingShocked": null}],
             "baskets": [{"basketId": "team-openai", "name": "Team OpenAI", "levelChange": -0.04,
                          "members": [{"symbol": "ORCL", "entity": "oracle", "currentWeight": 0.15,
                                       "relativeChange": -0.12}],
                          "unavailableReason": null}],
             "debtRank": 0.01, "waves": 4, "converged": true, "basketsUnavailable": null}""";

    static final String CLEARING_INPUT = """
            {"model": "CLEARING", "shocks": [{"entity": "openai", "valueChange": -0.5}],
             "options": {"horizonYears": 5}, "asOf": "2025-12-31"}""";

    static final String CLEARING = """
            {"model": "CLEARING",
             "entities": [{"entity": "oracle", "valueUsd": 560000000000, "relativeChange": -0.0936,
                           "valueLostUsd": -52410000000, "failedInWave": null, "markedBelowStakes": false,
                           "valuation": {"valueUsd": 560000000000, "method": "MARKET_CAP",
                                         "price": {"symbol": "ORCL", "price": 196.5, "currency": "USD",
                                                   "ts": "2025-12-31T00:00:00Z"},
                                         "sharesOutstanding": 2850000000},
                           "clearingBaseline": {"obligationsUsd": 40000000000, "paidUsd": 40000000000, "defaulted": false,
                                                "unpaidReceivablesUsd": 135950000000, "unpaidToRevenue": 2.3685,
                                                "unpaidToValue": 0.2428, "externalResourcesUsd": 287000000000},
                           "clearingShocked": {"obligationsUsd": 40000000000, "paidUsd": 40000000000, "defaulted": false,
                                               "unpaidReceivablesUsd": 188360000000, "unpaidToRevenue": 3.2815,
                                               "unpaidToValue": 0.3364, "externalResourcesUsd": 287000000000}}],
             "baskets": [{"basketId": "team-openai", "name": "Team OpenAI", "levelChange": -0.03,
                          "members": [{"symbol": "ORCL", "entity": "oracle", "currentWeight": 0.15,
                                       "relativeChange": -0.0936}],
                          "unavailableReason": null}],
             "debtRank": null, "waves": 3, "converged": true, "basketsUnavailable": null}""";

    static final String ENTITY_IN_USE = """
            {"type": "urn:capflow:problem:conflict", "title": "Conflict", "status": 409,
             "detail": "entity openai still has 12 edges; delete them first", "instance": "/api/v1/exposure/entities/openai"}""";

    static final String EDGE_VERSION_CONFLICT = """
            {"type": "urn:capflow:problem:conflict", "title": "Conflict", "status": 409,
             "detail": "edge e14-openai-oracle-purchase is at version 2, not 1",
             "instance": "/api/v1/exposure/edges/e14-openai-oracle-purchase"}""";

    private ExposureExamples() {}
}
