package dev.capflow.e2e.corpus;

import static dev.capflow.e2e.corpus.CorpusCase.refused;
import static dev.capflow.e2e.corpus.CorpusRequest.body;
import static dev.capflow.e2e.corpus.CorpusRequest.get;
import static dev.capflow.e2e.corpus.CorpusRequest.post;
import static dev.capflow.e2e.corpus.CorpusRequest.put;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the fresh corpus of the hostile trial ({@code e2e-tests/trial/fresh_cases.py}) found and is fixed: look-alike
 * letters that upper-casing folded into another, ASCII symbol; a JSON boolean read from 1; malformed ids in a path
 * sent on to a service (answered 404 or naming the gRPC field); a cross-origin request refused with an empty body when
 * no origin is configured; a body labelled with a content coding read as plain.
 */
final class FreshTrialCases {

    private static final String CATEGORY = "fresh";
    /** Letters whose Java upper case is ASCII (I, S, SS, FI), percent-encoded as UTF-8, with a symbol to hold them. */
    private static final Map<String, String> LOOK_ALIKES = Map.of(
            "a dotless i", "crpn%C4%B1",
            "a long s", "crpn%C5%BF",
            "a sharp s", "crpn%C3%9F",
            "an fi ligature", "crpn%EF%AC%81");
    /** Ids no basket, entity or edge can have, as sent in a path. */
    private static final Map<String, String> MALFORMED_IDS = Map.of(
            "a double-encoded dot segment", "%252e%252e",
            "a NUL", "a%00b",
            "upper case", "Corpus-Basket",
            "overlong UTF-8", "%C0%AE%C0%AE");

    private FreshTrialCases() {}

    static List<CorpusCase> cases() {
        List<CorpusCase> cases = new ArrayList<>();
        LOOK_ALIKES.forEach((what, symbol) -> {
            cases.add(refused(
                    CATEGORY,
                    "instrument symbol with " + what,
                    put("/api/v1/instruments/" + symbol, Valid.instrument().json()),
                    "symbol"));
            cases.add(refused(
                    CATEGORY, "bars of a symbol with " + what, get("/api/v1/prices/" + symbol + "/bars"), "symbol"));
        });
        cases.add(refused(
                CATEGORY,
                "latest price of a symbol with a dotless i",
                get("/api/v1/prices/latest?symbols=nvd%C4%B1"),
                "symbols"));
        for (String flag : new String[] {"1", "0"}) {
            cases.add(refused(
                            CATEGORY,
                            "edge estimated " + flag,
                            post(
                                    "/api/v1/exposure/edges",
                                    Valid.edge().with("estimated", flag).json()),
                            "estimated")
                    .absentAfter("/api/v1/exposure/edges/" + Valid.NEW_EDGE));
        }
        MALFORMED_IDS.forEach((what, id) -> {
            cases.add(refused(CATEGORY, "basket id with " + what, get("/api/v1/baskets/" + id), "id"));
            cases.add(refused(
                    CATEGORY,
                    "performance of a basket id with " + what,
                    get("/api/v1/baskets/" + id + "/performance"),
                    "id"));
            cases.add(refused(CATEGORY, "entity id with " + what, get("/api/v1/exposure/entities/" + id), "id"));
            cases.add(refused(
                    CATEGORY,
                    "edge history of an id with " + what,
                    get("/api/v1/exposure/edges/" + id + "/history"),
                    "id"));
        });
        cases.add(refused(
                CATEGORY,
                "a cross-origin stress from an origin not allowed",
                post("/api/v1/exposure/stress", Valid.stress("DEBTRANK").json())
                        .withHeader("Origin", "https://evil.example"),
                null));
        cases.add(refused(
                CATEGORY,
                "a CORS preflight from an origin not allowed",
                body("OPTIONS", "/api/v1/baskets", null, new byte[0])
                        .withHeader("Origin", "https://evil.example")
                        .withHeader("Access-Control-Request-Method", "DELETE"),
                null));
        for (String coding : new String[] {"gzip", "x-evil"}) {
            cases.add(refused(
                            CATEGORY,
                            "basket create with Content-Encoding " + coding,
                            post("/api/v1/baskets", Valid.basket().json()).withHeader("Content-Encoding", coding),
                            null)
                    .absentAfter("/api/v1/baskets/" + Valid.NEW_BASKET));
        }
        cases.add(refused(
                CATEGORY,
                "bars with Content-Encoding gzip",
                body(
                                "POST",
                                "/api/v1/prices/bars",
                                "application/json",
                                Valid.bar().inArray().getBytes(StandardCharsets.UTF_8))
                        .withHeader("Content-Encoding", "gzip"),
                null));
        return cases;
    }
}
