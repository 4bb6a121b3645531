package dev.capflow.e2e.corpus;

import static dev.capflow.e2e.corpus.CorpusCase.refused;
import static dev.capflow.e2e.corpus.CorpusRequest.post;
import static dev.capflow.e2e.corpus.CorpusRequest.put;
import static dev.capflow.e2e.corpus.JsonBody.str;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What a careless client sends and must not see silently dropped or read as something else: a member no body has
 * (a typo, a member of the answer sent back), named by its path as sent; a valuation without its date, and a date
 * without its valuation; and every body whose Content-Type the route does not take, named {@code Content-Type}.
 */
final class StrictnessCases {

    private static final String CATEGORY = "strictness";
    private static final String JSON = "application/json";
    private static final String CSV = "text/csv";
    private static final String ENTITIES = "/api/v1/exposure/entities/";
    private static final String NEW_ENTITY = ENTITIES + Valid.NEW_ENTITY;
    private static final String STOOQ_CSV = Valid.csv("Date,Open,High,Low,Close,Volume", "2025-10-31,10,11,9,10,100");

    private StrictnessCases() {}

    static List<CorpusCase> cases() {
        List<CorpusCase> cases = new ArrayList<>();
        cases.addAll(unknownMembers());
        cases.addAll(valuationDates());
        cases.addAll(contentTypes());
        return cases;
    }

    private static List<CorpusCase> unknownMembers() {
        return List.of(
                unknown(
                        "instrument typo",
                        put("/api/v1/instruments/" + Valid.NEW_SYMBOL, typo(Valid.instrument(), "sharesOutstandng")),
                        "sharesOutstandng"),
                unknown(
                                "basket member typo",
                                post(
                                        "/api/v1/baskets",
                                        Valid.basket()
                                                .with("weighting", str("CUSTOM"))
                                                .with(
                                                        "members",
                                                        "[{\"symbol\": \"NVDA\", \"weight\": 0.5}, {\"symbol\": \"MSFT\","
                                                                + " \"weight\": 0.25}, {\"symbol\": \"AMD\", \"wieght\": 0.25}]")
                                                .json()),
                                "members[2].wieght")
                        .absentAfter("/api/v1/baskets/" + Valid.NEW_BASKET),
                unknown(
                        "split with a currency",
                        post("/api/v1/corporate-actions", typo(Valid.split(), "currency")),
                        "currency"),
                unknown(
                                "entity sent back with its value",
                                put(
                                        NEW_ENTITY,
                                        Valid.entity()
                                                .with("value", "{\"valueUsd\": 1000000000, \"method\": \"MARK\"}")
                                                .json()),
                                "value")
                        .absentAfter(NEW_ENTITY + "/history"),
                unknown("edge with a validTo", post("/api/v1/exposure/edges", typo(Valid.edge(), "validTo")), "validTo")
                        .absentAfter("/api/v1/exposure/edges/" + Valid.NEW_EDGE + "/history"),
                unknown(
                        "stress option typo",
                        post(
                                "/api/v1/exposure/stress",
                                Valid.stress("CROSS_HOLDINGS")
                                        .with("options", "{\"thta\": 0.9}")
                                        .json()),
                        "options.thta"),
                unknown(
                        "stress shock typo",
                        post(
                                "/api/v1/exposure/stress",
                                Valid.stress("DEBTRANK")
                                        .with("shocks", "[{\"entity\": \"corpus-t\", \"valuechange\": -0.5}]")
                                        .json()),
                        "shocks[0].valuechange"),
                // an array's records are checked one by one: the one record is rejected (422) naming the member
                unknown(
                        "bar typo",
                        post(
                                "/api/v1/prices/bars",
                                Valid.bar().with("volumne", "5").inArray()),
                        "volumne"),
                unknown(
                        "tick typo",
                        post(
                                "/api/v1/prices/ticks",
                                Valid.tick().with("tradeID", str("t-2")).inArray()),
                        "tradeID"));
    }

    private static List<CorpusCase> valuationDates() {
        return List.of(
                entity("valuation without its date", Valid.entity().without("valuationAsOf")),
                entity(
                        "valuation date without a valuation",
                        Valid.listedEntity()
                                .with("ticker", str(Valid.SYMBOL))
                                .with("valuationAsOf", str("2025-06-30"))),
                refused(
                        CATEGORY,
                        "entity replaced without its valuation date",
                        put(
                                ENTITIES + "corpus-z",
                                Valid.entity()
                                        .without("valuationAsOf")
                                        .with("version", Valid.CURRENT_VERSION)
                                        .json()),
                        "valuationAsOf"));
    }

    /** Every route family with the types it does not take, beyond the text/plain, XML and none of the body cases. */
    private static List<CorpusCase> contentTypes() {
        List<CorpusCase> cases = new ArrayList<>();
        String[][] routes = {
            {"POST", "/api/v1/baskets", JSON, Valid.basket().json()},
            {
                "PUT",
                "/api/v1/instruments/" + Valid.NEW_SYMBOL,
                JSON,
                Valid.instrument().json()
            },
            {"POST", "/api/v1/prices/bars", JSON, Valid.bar().inArray()},
            {"POST", "/api/v1/prices/ticks", JSON, Valid.tick().inArray()},
            {"POST", "/api/v1/corporate-actions", JSON, Valid.split().json()},
            {"POST", "/api/v1/prices/csv?symbol=" + Valid.SYMBOL, CSV, STOOQ_CSV},
            {"POST", "/api/v1/prices/bulk-csv", CSV, Valid.csv("symbol,date,open,high,low,close,volume")},
            {"PUT", NEW_ENTITY, JSON, Valid.entity().json()},
            {"POST", "/api/v1/exposure/edges", JSON, Valid.edge().json()},
            {"POST", "/api/v1/exposure/stress", JSON, Valid.stress("DEBTRANK").json()}
        };
        List<String> foreign = List.of(
                "application/json-patch+json",
                "multipart/form-data; boundary=corpus",
                "application/x-www-form-urlencoded",
                "application/",
                "*/*",
                "text/*");
        for (String[] route : routes) {
            List<String> types = new ArrayList<>(foreign);
            types.add(route[2].equals(JSON) ? CSV : JSON);
            for (String type : types) {
                cases.add(refused(
                        CATEGORY,
                        route[0] + " " + route[1].replaceAll("\\?.*", "") + " as " + type,
                        CorpusRequest.body(route[0], route[1], type, route[3].getBytes(StandardCharsets.UTF_8)),
                        "Content-Type"));
            }
        }
        return cases;
    }

    private static CorpusCase unknown(String what, CorpusRequest request, String named) {
        return refused(CATEGORY, "unknown member: " + what, request, named);
    }

    private static CorpusCase entity(String what, JsonBody body) {
        return refused(CATEGORY, "entity " + what, put(NEW_ENTITY, body.json()), "valuationAsOf")
                .absentAfter(NEW_ENTITY + "/history");
    }

    /** {@code body} with a member no body of its route has, as a misspelt member would be. */
    private static String typo(JsonBody body, String member) {
        return body.with(member, "\"2026-01-01\"").json();
    }
}
