package dev.capflow.e2e.corpus;

import static dev.capflow.e2e.corpus.CorpusCase.refused;
import static dev.capflow.e2e.corpus.CorpusRequest.post;
import static dev.capflow.e2e.corpus.CorpusRequest.put;
import static dev.capflow.e2e.corpus.JsonBody.str;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Basket definitions that cannot be: an unknown currency, a base date to come, weights where EQUAL takes none,
 * 10,000 members, unknown symbols, bad weights, bad enums, stale or malformed versions; created, replaced or deleted.
 */
final class BasketCases {

    private static final String CATEGORY = "baskets";
    private static final String BASKETS = "/api/v1/baskets";
    private static final String NEW = BASKETS + "/" + Valid.NEW_BASKET;
    private static final String FIXTURE = BASKETS + "/" + Valid.BASKET;

    private BasketCases() {}

    static List<CorpusCase> cases() {
        List<CorpusCase> cases = new ArrayList<>();
        String future = LocalDate.now().plusYears(1).toString();
        List<Object[]> bodies = List.of(
                new Object[] {"currency XYZ", Valid.basket().with("currency", str("XYZ")), "currency"},
                new Object[] {"currency lower case", Valid.basket().with("currency", str("usd")), "currency"},
                new Object[] {"currency empty", Valid.basket().with("currency", str("")), "currency"},
                new Object[] {"base date in the future", Valid.basket().with("baseDate", str(future)), "baseDate"},
                new Object[] {
                    "EQUAL with weights",
                    Valid.basket()
                            .with(
                                    "members",
                                    "[{\"symbol\": \"NVDA\", \"weight\": 0.7}, {\"symbol\": \"MSFT\", \"weight\": 0.3}]"),
                    "weight"
                },
                new Object[] {"10000 members", Valid.basket().with("members", members(10_000)), "members"},
                new Object[] {"unknown symbol", Valid.basket().with("members", "[{\"symbol\": \"ZZZZ9\"}]"), "symbol"},
                new Object[] {"malformed symbol", Valid.basket().with("members", "[{\"symbol\": \"../etc\"}]"), "symbol"
                },
                new Object[] {
                    "duplicate member",
                    Valid.basket().with("members", "[{\"symbol\": \"NVDA\"}, {\"symbol\": \"NVDA\"}]"),
                    "symbol"
                },
                new Object[] {"no members", Valid.basket().with("members", "[]"), "members"},
                new Object[] {"members null", Valid.basket().with("members", "null"), "members"},
                new Object[] {"member without symbol", Valid.basket().with("members", "[{}]"), "symbol"},
                new Object[] {
                    "negative weight",
                    Valid.customBasket(JsonBody.of("symbol", str("MSFT"), "weight", "-0.5")),
                    "weight"
                },
                new Object[] {
                    "NaN weight", Valid.customBasket(JsonBody.of("symbol", str("MSFT"), "weight", str("NaN"))), "weight"
                },
                new Object[] {
                    "Infinity weight",
                    Valid.customBasket(JsonBody.of("symbol", str("MSFT"), "weight", str("Infinity"))),
                    "weight"
                },
                new Object[] {"CUSTOM without weights", Valid.basket().with("weighting", str("CUSTOM")), "weight"},
                new Object[] {
                    "CUSTOM weights summing to 3",
                    Valid.customBasket(JsonBody.of("symbol", str("MSFT"), "weight", "2.5")),
                    "weight"
                },
                new Object[] {"unknown weighting", Valid.basket().with("weighting", str("MARKET_CAP")), "weighting"},
                new Object[] {"unknown rebalance", Valid.basket().with("rebalance", str("DAILY")), "rebalance"},
                new Object[] {"baseValue NaN", Valid.basket().with("baseValue", str("NaN")), "baseValue"},
                new Object[] {"no name", Valid.basket().without("name"), "name"},
                new Object[] {"no baseDate", Valid.basket().without("baseDate"), "baseDate"},
                new Object[] {"id with a slash", Valid.basket().with("id", str("a/b")), "id"},
                new Object[] {"id of path traversal", Valid.basket().with("id", str("../../etc/passwd")), "id"},
                new Object[] {"id empty", Valid.basket().with("id", str("")), "id"},
                new Object[] {"id 1000 chars", Valid.basket().with("id", str("b".repeat(1000))), "id"});
        for (Object[] body : bodies) {
            String name = (String) body[0];
            JsonBody json = (JsonBody) body[1];
            String named = (String) body[2];
            cases.add(refused(CATEGORY, "create " + name, post(BASKETS, json.json()), named)
                    .absentAfter(NEW));
            // the fixture's own id unless the case is about the id, and the version it holds when the case is sent
            JsonBody replacement = named.equals("id") ? json : json.with("id", str(Valid.BASKET));
            cases.add(refused(
                    CATEGORY,
                    "replace " + name,
                    put(
                            FIXTURE,
                            replacement.with("version", Valid.CURRENT_VERSION).json()),
                    named));
        }
        cases.add(refused(
                CATEGORY,
                "create taken id",
                post(BASKETS, Valid.basket().with("id", str(Valid.BASKET)).json()),
                null));
        cases.add(refused(
                CATEGORY,
                "replace stale version",
                put(
                        FIXTURE,
                        Valid.basket()
                                .with("id", str(Valid.BASKET))
                                .with("version", "99")
                                .json()),
                null));
        cases.add(refused(
                CATEGORY,
                "replace without version",
                put(FIXTURE, Valid.basket().with("id", str(Valid.BASKET)).json()),
                "version"));
        cases.add(refused(
                CATEGORY,
                "replace under another id",
                put(
                        FIXTURE,
                        Valid.basket().with("version", Valid.CURRENT_VERSION).json()),
                "id"));
        cases.add(refused(
                        CATEGORY,
                        "replace unknown basket",
                        put(NEW, Valid.basket().with("version", "0").json()),
                        null)
                .absentAfter(NEW));
        cases.add(refused(CATEGORY, "performance of an unknown basket", CorpusRequest.get(NEW + "/performance"), null));
        cases.add(refused(
                CATEGORY,
                "performance from after to",
                CorpusRequest.get(FIXTURE + "/performance?from=2025-12-31&to=2025-10-29"),
                "from"));
        cases.add(refused(
                CATEGORY,
                "performance unknown benchmark",
                CorpusRequest.get(FIXTURE + "/performance?benchmark=ZZZZ9"),
                "benchmark"));
        cases.add(refused(
                CATEGORY,
                "performance riskFreeRate NaN",
                CorpusRequest.get(FIXTURE + "/performance?riskFreeRate=NaN"),
                "riskFreeRate"));
        cases.add(refused(
                CATEGORY,
                "performance riskFreeRate text",
                CorpusRequest.get(FIXTURE + "/performance?riskFreeRate=lots"),
                "riskFreeRate"));
        cases.add(refused(
                CATEGORY,
                "performance returnType WRONG",
                CorpusRequest.get(FIXTURE + "/performance?returnType=WRONG"),
                "returnType"));
        cases.add(refused(
                CATEGORY,
                "compare a with itself unknown",
                CorpusRequest.get("/api/v1/compare?a=" + Valid.NEW_BASKET + "&b=" + Valid.BASKET),
                null));
        // last: a delete wrongly accepted removes the fixture the cases above read
        for (String version : List.of("abc", "1.5", "-1", "99", "NaN", "1e3", "", "99999999999999999999")) {
            cases.add(refused(
                    CATEGORY,
                    "delete version " + version,
                    CorpusRequest.delete(FIXTURE + "?version=" + Query.encode(version)),
                    "version"));
        }
        cases.add(refused(CATEGORY, "delete unknown basket", CorpusRequest.delete(NEW), null));
        return cases;
    }

    private static String members(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> "{\"symbol\": \"S" + i + "\"}")
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
