package dev.capflow.e2e.corpus;

import static dev.capflow.e2e.corpus.CorpusCase.accepted;
import static dev.capflow.e2e.corpus.CorpusCase.refused;
import static dev.capflow.e2e.corpus.CorpusRequest.get;

import java.util.ArrayList;
import java.util.List;

/**
 * Query parameters and paths: numbers that are not numbers or out of range, malformed symbols, parameters no route
 * takes or given twice, path traversal and NUL in paths, SQL in every id and symbol of a path; and the edges of the
 * paging rule, which are served.
 */
final class QueryCases {

    private static final String CATEGORY = "query";
    private static final List<String> NOT_NUMBERS =
            List.of("abc", "NaN", "Infinity", "1e999", "", "0x10", "99999999999999999999");
    private static final String SQL = Query.encode("x' OR '1'='1");

    private QueryCases() {}

    static List<CorpusCase> cases() {
        List<CorpusCase> cases = new ArrayList<>();
        for (String value : NOT_NUMBERS) {
            String v = Query.encode(value);
            cases.add(refused(
                    CATEGORY,
                    "instrument version " + value,
                    CorpusRequest.put(
                            "/api/v1/instruments/" + Valid.SYMBOL + "?version=" + v,
                            Valid.instrument().json()),
                    "version"));
            cases.add(refused(
                    CATEGORY,
                    "entity delete version " + value,
                    CorpusRequest.delete("/api/v1/exposure/entities/corpus-z?version=" + v),
                    "version"));
            cases.add(refused(
                    CATEGORY, "loops maxLength " + value, get("/api/v1/exposure/loops?maxLength=" + v), "maxLength"));
            cases.add(refused(CATEGORY, "loops limit " + value, get("/api/v1/exposure/loops?limit=" + v), "limit"));
            cases.add(refused(CATEGORY, "loops minUsd " + value, get("/api/v1/exposure/loops?minUsd=" + v), "minUsd"));
            cases.add(refused(
                    CATEGORY, "instruments pageSize " + value, get("/api/v1/instruments?pageSize=" + v), "pageSize"));
            cases.add(refused(
                    CATEGORY, "ticks pageSize " + value, get("/api/v1/prices/NVDA/ticks?pageSize=" + v), "pageSize"));
        }
        for (String value : List.of("0", "-1", "51", "1.5")) {
            cases.add(refused(
                    CATEGORY,
                    "loops maxLength " + value,
                    get("/api/v1/exposure/loops?maxLength=" + value),
                    "maxLength"));
        }
        for (String value : List.of("0", "-1", "100001")) {
            cases.add(refused(CATEGORY, "loops limit " + value, get("/api/v1/exposure/loops?limit=" + value), "limit"));
        }
        for (String list : List.of(
                "/api/v1/instruments",
                "/api/v1/baskets",
                "/api/v1/exposure/entities",
                "/api/v1/exposure/edges",
                "/api/v1/prices/NVDA/corporate-actions",
                "/api/v1/prices/NVDA/bars/revisions",
                "/api/v1/exposure/entities/openai/history")) {
            // AIP-158: 0 is the default page (100), a size above 1000 is read as 1000; both are served.
            cases.add(accepted(CATEGORY, list + " pageSize 0", get(list + "?pageSize=0")));
            cases.add(accepted(CATEGORY, list + " pageSize 1001", get(list + "?pageSize=1001")));
            cases.add(refused(
                    CATEGORY, list + " pageToken garbage", get(list + "?pageToken=%27%3B--garbage"), "pageToken"));
            cases.add(refused(CATEGORY, list + " unknown parameter", get(list + "?sortBy=name"), "sortBy"));
        }
        cases.add(
                refused(CATEGORY, "ticks pageSize 10001", get("/api/v1/prices/NVDA/ticks?pageSize=10001"), "pageSize"));
        cases.add(refused(
                CATEGORY, "ticks pageToken garbage", get("/api/v1/prices/NVDA/ticks?pageToken=zzz"), "pageToken"));
        cases.add(refused(CATEGORY, "bars adjusted maybe", get("/api/v1/prices/NVDA/bars?adjusted=maybe"), "adjusted"));
        cases.add(refused(
                CATEGORY, "bars from after to", get("/api/v1/prices/NVDA/bars?from=2025-12-31&to=2025-01-01"), "from"));
        cases.add(refused(CATEGORY, "loops amounts WRONG", get("/api/v1/exposure/loops?amounts=WRONG"), "amounts"));
        cases.add(refused(CATEGORY, "instruments kind WRONG", get("/api/v1/instruments?kind=WRONG"), "kind"));
        cases.add(refused(
                CATEGORY,
                "bars mode WRONG",
                CorpusRequest.post("/api/v1/prices/bars?mode=WRONG", Valid.bar().inArray()),
                "mode"));
        cases.add(refused(
                CATEGORY,
                "unknown parameter on a write",
                CorpusRequest.post("/api/v1/prices/bars?form=csv", Valid.bar().inArray()),
                "form"));
        cases.add(refused(
                CATEGORY,
                "unknown parameter on stress",
                CorpusRequest.post(
                        "/api/v1/exposure/stress?dryRun=true",
                        Valid.stress("DEBTRANK").json()),
                "dryRun"));
        cases.add(refused(
                CATEGORY, "parameter given twice", get("/api/v1/exposure/loops?maxLength=3&maxLength=4"), "maxLength"));

        List<String> badSymbols = List.of(
                "..%2f..%2fetc%2fpasswd",
                "%00",
                "NV%00DA",
                "..",
                "NV%20DA",
                "%E2%82%AC",
                "A".repeat(33),
                "%27%3B%20DROP%20TABLE%20bars%3B--",
                "%3Cscript%3E",
                "NVDA%0D%0AX-Injected:1",
                "nvda*");
        for (String symbol : badSymbols) {
            String shown = symbol.length() > 40 ? symbol.substring(0, 40) : symbol;
            cases.add(
                    refused(CATEGORY, "bars of symbol " + shown, get("/api/v1/prices/" + symbol + "/bars"), "symbol"));
            cases.add(refused(
                    CATEGORY, "ticks of symbol " + shown, get("/api/v1/prices/" + symbol + "/ticks"), "symbol"));
            cases.add(refused(
                    CATEGORY, "latest of symbol " + shown, get("/api/v1/prices/latest?symbols=" + symbol), "symbols"));
            cases.add(refused(
                    CATEGORY,
                    "instrument of symbol " + shown,
                    CorpusRequest.put(
                            "/api/v1/instruments/" + symbol, Valid.instrument().json()),
                    "symbol"));
        }
        cases.add(refused(
                CATEGORY,
                "latest of 1000 symbols with one bad",
                get("/api/v1/prices/latest?symbols=" + "NVDA,".repeat(999) + "..%2f"),
                "symbols"));
        cases.add(refused(
                CATEGORY, "latest of an empty symbol", get("/api/v1/prices/latest?symbols=NVDA,,MSFT"), "symbols"));
        for (String path : List.of("/api/v1/baskets/", "/api/v1/exposure/entities/", "/api/v1/exposure/edges/")) {
            cases.add(refused(CATEGORY, path + " traversal", get(path + "..%2f..%2fetc%2fpasswd"), null));
            cases.add(refused(CATEGORY, path + " NUL", get(path + "team%00google"), null));
            cases.add(refused(CATEGORY, path + " SQL", get(path + SQL), null));
            cases.add(refused(CATEGORY, path + " delete SQL", CorpusRequest.delete(path + SQL), null));
        }
        cases.add(refused(CATEGORY, "raw traversal", get("/api/v1/../../etc/passwd"), null));
        cases.add(refused(CATEGORY, "encoded traversal before api", get("/%2e%2e/%2e%2e/etc/passwd"), null));
        cases.add(refused(CATEGORY, "lookthrough SQL target", get("/api/v1/exposure/lookthrough?target=" + SQL), null));
        cases.add(refused(CATEGORY, "compare SQL ids", get("/api/v1/compare?a=" + SQL + "&b=" + SQL), null));
        cases.add(refused(
                CATEGORY,
                "corporate action delete SQL",
                CorpusRequest.delete("/api/v1/corporate-actions/" + SQL + "/2025-10-30/SPLIT"),
                null));
        cases.add(refused(
                CATEGORY,
                "corporate action delete bad date",
                CorpusRequest.delete("/api/v1/corporate-actions/" + Valid.SYMBOL + "/1899-12-31/SPLIT"),
                "exDate"));
        cases.add(refused(
                CATEGORY,
                "corporate action delete bad kind",
                CorpusRequest.delete("/api/v1/corporate-actions/" + Valid.SYMBOL + "/2025-10-30/MERGER"),
                "kind"));
        cases.add(refused(CATEGORY, "unknown route", get("/api/v1/nothing-here"), null));
        cases.add(refused(CATEGORY, "wrong method", CorpusRequest.delete("/api/v1/instruments"), null));
        return cases;
    }
}
