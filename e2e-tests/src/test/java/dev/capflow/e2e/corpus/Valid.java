package dev.capflow.e2e.corpus;

import static dev.capflow.e2e.corpus.JsonBody.str;

import java.util.List;
import java.util.Map;

/**
 * The corpus fixture (what {@code HostileCorpusIT} stores before the cases) and a valid body of each kind of write: a
 * case changes one member of one of them, so everything but the hostile member would be accepted.
 */
public final class Valid {

    /** The fixture's instrument, with one bar, one tick and no corporate action. */
    public static final String SYMBOL = "CRPS";
    /** A symbol nothing registers: instrument cases would create it. */
    public static final String NEW_SYMBOL = "CRPN";

    public static final String BASKET = "corpus-basket";
    public static final String NEW_BASKET = "corpus-new-basket";
    /** Fixture entities: A owns 0.99 of B; X and Y own 0.7 and 0.2 of T (Z nothing yet). */
    public static final List<String> ENTITIES =
            List.of("corpus-a", "corpus-b", "corpus-t", "corpus-x", "corpus-y", "corpus-z");

    public static final String NEW_ENTITY = "corpus-new-entity";
    public static final String EDGE = "corpus-edge-ab";
    public static final String NEW_EDGE = "corpus-new-edge";
    public static final String AS_OF = "2025-12-31";
    /**
     * A body's {@code version} that {@link CorpusRun} replaces, just before sending the case, with the version its target
     * holds then: a replacement then fails only for what its case is about, however many writes went before it.
     */
    public static final String CURRENT_VERSION = "\"<the version the target holds now>\"";

    /** The ids cases would create, made unique per case by {@link #freshIds}. */
    public static final List<String> NEW_IDS = List.of(NEW_SYMBOL, NEW_BASKET, NEW_ENTITY, NEW_EDGE);

    private static final String PRICES = "/api/v1/prices/" + SYMBOL;

    /** What a write to each route prefix could change: its lists, and the fixture's series and histories. */
    private static final Map<String, List<String>> STATE_ROUTES = Map.of(
            "/api/v1/prices",
                    List.of(
                            PRICES + "/bars?from=1900-01-01&to=2100-12-31",
                            PRICES + "/bars/revisions",
                            PRICES + "/ticks?from=1900-01-01T00:00:00Z&to=2100-12-31T23:59:59Z",
                            PRICES + "/corporate-actions",
                            "/api/v1/prices/latest?symbols=" + SYMBOL),
            "/api/v1/corporate-actions",
                    List.of(PRICES + "/corporate-actions", PRICES + "/bars?from=1900-01-01&adjusted=true"),
            "/api/v1/instruments", List.of("/api/v1/instruments?pageSize=1000"),
            "/api/v1/baskets", List.of("/api/v1/baskets?pageSize=1000"),
            "/api/v1/exposure",
                    List.of(
                            "/api/v1/exposure/entities?pageSize=1000&asOf=" + AS_OF,
                            "/api/v1/exposure/edges?pageSize=1000&asOf=" + AS_OF,
                            "/api/v1/exposure/entities/corpus-a/history",
                            "/api/v1/exposure/edges/" + EDGE + "/history"));

    /** {@code text} with each of {@link #NEW_IDS} suffixed by {@code n}. */
    public static String freshIds(String text, int n) {
        String fresh = text;
        for (String id : NEW_IDS) {
            fresh = fresh.replace(id, id + (id.equals(NEW_SYMBOL) ? "" : "-") + n);
        }
        return fresh;
    }

    /** The reads that show what a write to {@code target} stored (all of them for a route outside the table). */
    public static List<String> stateRoutes(String target) {
        return STATE_ROUTES.entrySet().stream()
                .filter(entry -> target.startsWith(entry.getKey()))
                .findFirst()
                .map(Map.Entry::getValue)
                .orElseGet(() -> STATE_ROUTES.values().stream()
                        .flatMap(List::stream)
                        .distinct()
                        .toList());
    }

    private Valid() {}

    public static JsonBody instrument() {
        return JsonBody.of(
                "name",
                str("Corpus new"),
                "currency",
                str("USD"),
                "exchange",
                str("TEST"),
                "kind",
                str("EQUITY"),
                "sharesOutstanding",
                "1000000");
    }

    public static JsonBody bar() {
        return JsonBody.of(
                "symbol",
                str(SYMBOL),
                "date",
                str("2025-10-30"),
                "open",
                "10",
                "high",
                "11",
                "low",
                "9",
                "close",
                "10.5",
                "volume",
                "1000");
    }

    public static JsonBody tick() {
        return JsonBody.of(
                "symbol",
                str(SYMBOL),
                "ts",
                str("2025-10-30T14:30:00Z"),
                "price",
                "10.5",
                "size",
                "10",
                "source",
                str("corpus"),
                "tradeId",
                str("t-1"));
    }

    public static JsonBody split() {
        return JsonBody.of("symbol", str(SYMBOL), "exDate", str("2025-10-30"), "kind", str("SPLIT"), "ratio", "2");
    }

    public static JsonBody dividend() {
        return JsonBody.of(
                "symbol", str(SYMBOL), "exDate", str("2025-10-30"), "kind", str("DIVIDEND"), "amount", "0.5");
    }

    public static JsonBody basket() {
        return JsonBody.of(
                "id",
                str(NEW_BASKET),
                "name",
                str("Corpus basket"),
                "currency",
                str("USD"),
                "baseDate",
                str("2025-10-29"),
                "weighting",
                str("EQUAL"),
                "rebalance",
                str("NONE"),
                "members",
                "[{\"symbol\": \"NVDA\"}, {\"symbol\": \"MSFT\"}]");
    }

    public static JsonBody member() {
        return JsonBody.of("symbol", str("NVDA"), "weight", "0.5");
    }

    /** A CUSTOM basket of NVDA and the member {@code member}. */
    public static JsonBody customBasket(JsonBody member) {
        return basket().with("weighting", str("CUSTOM"))
                .with("members", "[" + member().json() + ", " + member.json() + "]");
    }

    public static JsonBody entity() {
        return JsonBody.of(
                "name",
                str("Corpus new"),
                "kind",
                str("PRIVATE"),
                "valuationUsd",
                "1000000000",
                "valuationAsOf",
                str("2025-06-30"),
                "valuationSource",
                str("corpus"),
                "revenueUsd",
                "1000000",
                "revenueAsOf",
                str("2025-06-30"),
                "revenueSource",
                str("corpus"),
                "cashUsd",
                "1000",
                "cashAsOf",
                str("2025-06-30"),
                "cashSource",
                str("https://example.com/cash"));
    }

    /** {@link #entity()} as a LISTED entity, without a mark or its date (its ticker is for the case to set). */
    public static JsonBody listedEntity() {
        return entity().with("kind", str("LISTED"))
                .without("valuationUsd")
                .without("valuationAsOf")
                .without("valuationSource");
    }

    public static JsonBody edge() {
        return JsonBody.of(
                "id",
                str(NEW_EDGE),
                "from",
                str("corpus-x"),
                "to",
                str("corpus-y"),
                "kind",
                str("INVESTMENT"),
                "amountUsd",
                "1000000",
                "asOf",
                str("2025-06-30"),
                "source",
                str("corpus"),
                "confidence",
                str("HIGH"),
                "note",
                str("corpus edge"),
                "sourceRow",
                str("C1"));
    }

    /** An EQUITY edge from {@code from} to {@code to} of {@code share}, for the fixture. */
    public static JsonBody equity(String id, String from, String to, String share) {
        return JsonBody.of(
                "id",
                str(id),
                "from",
                str(from),
                "to",
                str(to),
                "kind",
                str("EQUITY"),
                "share",
                share,
                "asOf",
                str("2025-06-30"),
                "source",
                str("corpus"),
                "confidence",
                str("HIGH"));
    }

    public static JsonBody stress(String model) {
        return JsonBody.of(
                "model",
                str(model),
                "shocks",
                "[{\"entity\": \"corpus-t\", \"valueChange\": -0.5}]",
                "asOf",
                str(AS_OF));
    }

    public static String shock(String entity, String valueChange) {
        return "[{\"entity\": " + entity + ", \"valueChange\": " + valueChange + "}]";
    }

    public static String csv(String... rows) {
        return String.join("\n", rows) + "\n";
    }
}
