package dev.capflow.e2e.corpus;

import static dev.capflow.e2e.corpus.CorpusCase.refused;
import static dev.capflow.e2e.corpus.CorpusRequest.post;
import static dev.capflow.e2e.corpus.CorpusRequest.put;
import static dev.capflow.e2e.corpus.JsonBody.str;

import java.util.ArrayList;
import java.util.List;

/** Dates and instants outside 1900-01-01..2100-12-31 (and not dates at all) in every date member and parameter. */
final class DateCases {

    private static final String CATEGORY = "dates";
    /** Dates a date member or parameter must refuse. */
    static final List<String> BAD_DATES =
            List.of("1899-12-31", "2101-01-01", "-999999999-01-01", "+999999999-12-31", "2025-02-30", "20251029");
    /** Instants a timestamp member or parameter must refuse. */
    static final List<String> BAD_INSTANTS = List.of(
            "1899-12-31T23:59:59Z",
            "2101-01-01T00:00:00Z",
            "-999999999-01-01T00:00:00Z",
            "+999999999-12-31T23:59:59Z",
            "2025-10-30T25:00:00Z");

    private DateCases() {}

    static List<CorpusCase> cases() {
        List<CorpusCase> cases = new ArrayList<>();
        for (String date : BAD_DATES) {
            String value = str(date);
            String query = Query.encode(date);
            cases.add(refused(
                    CATEGORY,
                    "bar date " + date,
                    post("/api/v1/prices/bars", Valid.bar().with("date", value).inArray()),
                    "date"));
            cases.add(refused(
                    CATEGORY,
                    "split exDate " + date,
                    post(
                            "/api/v1/corporate-actions",
                            Valid.split().with("exDate", value).json()),
                    "exDate"));
            cases.add(refused(
                            CATEGORY,
                            "basket baseDate " + date,
                            post(
                                    "/api/v1/baskets",
                                    Valid.basket().with("baseDate", value).json()),
                            "baseDate")
                    .absentAfter("/api/v1/baskets/" + Valid.NEW_BASKET));
            cases.add(entity("validFrom " + date, Valid.entity().with("validFrom", value), "validFrom"));
            cases.add(entity("valuationAsOf " + date, Valid.entity().with("valuationAsOf", value), "valuationAsOf"));
            cases.add(entity("cashAsOf " + date, Valid.entity().with("cashAsOf", value), "cashAsOf"));
            cases.add(refused(
                            CATEGORY,
                            "edge asOf " + date,
                            post(
                                    "/api/v1/exposure/edges",
                                    Valid.edge().with("asOf", value).json()),
                            "asOf")
                    .absentAfter("/api/v1/exposure/edges/" + Valid.NEW_EDGE + "/history"));
            cases.add(refused(
                    CATEGORY,
                    "stress asOf " + date,
                    post(
                            "/api/v1/exposure/stress",
                            Valid.stress("DEBTRANK").with("asOf", value).json()),
                    "asOf"));
            cases.add(refused(
                    CATEGORY,
                    "entity delete validTo " + date,
                    CorpusRequest.delete("/api/v1/exposure/entities/corpus-z?validTo=" + query),
                    "validTo"));
            cases.add(refused(
                    CATEGORY,
                    "edge delete validTo " + date,
                    CorpusRequest.delete("/api/v1/exposure/edges/" + Valid.EDGE + "?validTo=" + query),
                    "validTo"));
            cases.add(refused(
                    CATEGORY,
                    "performance from " + date,
                    CorpusRequest.get("/api/v1/baskets/team-google/performance?from=" + query),
                    "from"));
            cases.add(refused(
                    CATEGORY,
                    "performance to " + date,
                    CorpusRequest.get("/api/v1/baskets/team-google/performance?to=" + query),
                    "to"));
            cases.add(refused(
                    CATEGORY,
                    "compare from " + date,
                    CorpusRequest.get("/api/v1/compare?a=team-google&b=team-openai&from=" + query),
                    "from"));
            cases.add(refused(
                    CATEGORY, "bars to " + date, CorpusRequest.get("/api/v1/prices/NVDA/bars?to=" + query), "to"));
            cases.add(refused(
                    CATEGORY, "loops asOf " + date, CorpusRequest.get("/api/v1/exposure/loops?asOf=" + query), "asOf"));
            cases.add(refused(
                    CATEGORY,
                    "lookthrough asOf " + date,
                    CorpusRequest.get("/api/v1/exposure/lookthrough?target=openai&asOf=" + query),
                    "asOf"));
            cases.add(refused(
                    CATEGORY, "edges asOf " + date, CorpusRequest.get("/api/v1/exposure/edges?asOf=" + query), "asOf"));
        }
        for (String instant : BAD_INSTANTS) {
            String query = Query.encode(instant);
            cases.add(refused(
                    CATEGORY,
                    "tick ts " + instant,
                    post(
                            "/api/v1/prices/ticks",
                            Valid.tick().with("ts", str(instant)).inArray()),
                    "ts"));
            cases.add(refused(
                    CATEGORY,
                    "stress knownAt " + instant,
                    post(
                            "/api/v1/exposure/stress",
                            Valid.stress("DEBTRANK")
                                    .with("knownAt", str(instant))
                                    .json()),
                    "knownAt"));
            cases.add(refused(
                    CATEGORY,
                    "ticks from " + instant,
                    CorpusRequest.get("/api/v1/prices/NVDA/ticks?from=" + query),
                    "from"));
            cases.add(refused(
                    CATEGORY,
                    "loops knownAt " + instant,
                    CorpusRequest.get("/api/v1/exposure/loops?knownAt=" + query),
                    "knownAt"));
            cases.add(refused(
                    CATEGORY,
                    "entities knownAt " + instant,
                    CorpusRequest.get("/api/v1/exposure/entities?knownAt=" + query),
                    "knownAt"));
        }
        return cases;
    }

    private static CorpusCase entity(String name, JsonBody body, String field) {
        return refused(
                        CATEGORY,
                        "entity " + name,
                        put("/api/v1/exposure/entities/" + Valid.NEW_ENTITY, body.json()),
                        field)
                .absentAfter("/api/v1/exposure/entities/" + Valid.NEW_ENTITY + "/history");
    }
}
