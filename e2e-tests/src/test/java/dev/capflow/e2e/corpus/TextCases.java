package dev.capflow.e2e.corpus;

import static dev.capflow.e2e.corpus.CorpusCase.answered;
import static dev.capflow.e2e.corpus.CorpusCase.refused;
import static dev.capflow.e2e.corpus.CorpusRequest.post;
import static dev.capflow.e2e.corpus.CorpusRequest.put;
import static dev.capflow.e2e.corpus.JsonBody.str;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * NUL, an unpaired surrogate and 100,000 characters in every free-text member, id and symbol; an SQL injection in
 * every id and symbol (refused by their rules) and in every name and note (legal text, stored as sent).
 */
final class TextCases {

    private static final String CATEGORY = "text";
    private static final String SQL = "x'); DROP TABLE instruments; --";
    /** Hostile text by name, as JSON string literals. */
    private static final Map<String, String> HOSTILE = Map.of(
            "NUL", str("a\\u0000b"),
            "unpaired surrogate", str("a\\ud800b"),
            "100000 chars", str("x".repeat(100_000)));

    private TextCases() {}

    /** A write whose one hostile member the case names. */
    private record Member(
            String where,
            String field,
            Function<String, CorpusRequest> request,
            boolean identifier,
            String absentAfter) {}

    /** The refusals: hostile text anywhere, SQL in ids and symbols. */
    static List<CorpusCase> cases() {
        List<CorpusCase> cases = new ArrayList<>();
        for (Member member : members()) {
            HOSTILE.forEach((what, value) -> cases.add(withAbsence(
                    refused(
                            CATEGORY,
                            member.where() + " " + what,
                            member.request().apply(value),
                            member.field()),
                    member)));
            if (member.identifier()) {
                cases.add(withAbsence(
                        refused(
                                CATEGORY,
                                member.where() + " SQL injection",
                                member.request().apply(str(SQL)),
                                member.field()),
                        member));
            }
        }
        return cases;
    }

    /**
     * SQL in names and notes: legal text, so these may store what they create; they run after every other case, whose
     * refusals require the same ids to stay absent.
     */
    static List<CorpusCase> legal() {
        return members().stream()
                .filter(member -> !member.identifier())
                .map(member -> answered(
                        CATEGORY,
                        member.where() + " SQL injection",
                        member.request().apply(str(SQL))))
                .toList();
    }

    private static CorpusCase withAbsence(CorpusCase corpusCase, Member member) {
        return member.absentAfter() == null ? corpusCase : corpusCase.absentAfter(member.absentAfter());
    }

    private static List<Member> members() {
        String instrument = "/api/v1/instruments/" + Valid.NEW_SYMBOL;
        String entity = "/api/v1/exposure/entities/" + Valid.NEW_ENTITY;
        String entityHistory = entity + "/history";
        String edgeHistory = "/api/v1/exposure/edges/" + Valid.NEW_EDGE + "/history";
        String basket = "/api/v1/baskets/" + Valid.NEW_BASKET;
        return List.of(
                new Member(
                        "instrument name",
                        "name",
                        v -> put(instrument, Valid.instrument().with("name", v).json()),
                        false,
                        null),
                new Member(
                        "instrument exchange",
                        "exchange",
                        v -> put(
                                instrument,
                                Valid.instrument().with("exchange", v).json()),
                        false,
                        null),
                new Member(
                        "instrument symbol",
                        "symbol",
                        v -> put(
                                instrument, Valid.instrument().with("symbol", v).json()),
                        true,
                        null),
                new Member(
                        "bar symbol",
                        "symbol",
                        v -> post(
                                "/api/v1/prices/bars",
                                Valid.bar().with("symbol", v).inArray()),
                        true,
                        null),
                new Member(
                        "tick symbol",
                        "symbol",
                        v -> post(
                                "/api/v1/prices/ticks",
                                Valid.tick().with("symbol", v).inArray()),
                        true,
                        null),
                new Member(
                        "tick source",
                        "source",
                        v -> post(
                                "/api/v1/prices/ticks",
                                Valid.tick().with("source", v).inArray()),
                        false,
                        null),
                new Member(
                        "tick tradeId",
                        "tradeId",
                        v -> post(
                                "/api/v1/prices/ticks",
                                Valid.tick().with("tradeId", v).inArray()),
                        false,
                        null),
                new Member(
                        "corporate action symbol",
                        "symbol",
                        v -> post(
                                "/api/v1/corporate-actions",
                                Valid.split().with("symbol", v).json()),
                        true,
                        null),
                new Member(
                        "basket id",
                        "id",
                        v -> post(
                                "/api/v1/baskets", Valid.basket().with("id", v).json()),
                        true,
                        null),
                new Member(
                        "basket name",
                        "name",
                        v -> post(
                                "/api/v1/baskets",
                                Valid.basket().with("name", v).json()),
                        false,
                        basket),
                new Member(
                        "basket member symbol",
                        "symbol",
                        v -> post(
                                "/api/v1/baskets",
                                Valid.basket()
                                        .with("members", "[{\"symbol\": " + v + "}]")
                                        .json()),
                        true,
                        basket),
                new Member(
                        "entity name",
                        "name",
                        v -> put(entity, Valid.entity().with("name", v).json()),
                        false,
                        entityHistory),
                new Member(
                        "entity valuationSource",
                        "valuationSource",
                        v -> put(
                                entity,
                                Valid.entity().with("valuationSource", v).json()),
                        false,
                        entityHistory),
                new Member(
                        "entity revenueSource",
                        "revenueSource",
                        v -> put(entity, Valid.entity().with("revenueSource", v).json()),
                        false,
                        entityHistory),
                new Member(
                        "entity cashSource",
                        "cashSource",
                        v -> put(entity, Valid.entity().with("cashSource", v).json()),
                        false,
                        entityHistory),
                new Member(
                        "entity ticker",
                        "ticker",
                        v -> put(entity, Valid.listedEntity().with("ticker", v).json()),
                        true,
                        entityHistory),
                new Member(
                        "entity listing",
                        "listings",
                        v -> put(
                                entity,
                                Valid.entity().with("listings", "[" + v + "]").json()),
                        true,
                        entityHistory),
                new Member(
                        "edge id",
                        "id",
                        v -> post(
                                "/api/v1/exposure/edges",
                                Valid.edge().with("id", v).json()),
                        true,
                        null),
                new Member(
                        "edge from",
                        "from",
                        v -> post(
                                "/api/v1/exposure/edges",
                                Valid.edge().with("from", v).json()),
                        true,
                        edgeHistory),
                new Member(
                        "edge to",
                        "to",
                        v -> post(
                                "/api/v1/exposure/edges",
                                Valid.edge().with("to", v).json()),
                        true,
                        edgeHistory),
                new Member(
                        "edge source",
                        "source",
                        v -> post(
                                "/api/v1/exposure/edges",
                                Valid.edge().with("source", v).json()),
                        false,
                        edgeHistory),
                new Member(
                        "edge note",
                        "note",
                        v -> post(
                                "/api/v1/exposure/edges",
                                Valid.edge().with("note", v).json()),
                        false,
                        edgeHistory),
                new Member(
                        "edge sourceRow",
                        "sourceRow",
                        v -> post(
                                "/api/v1/exposure/edges",
                                Valid.edge().with("sourceRow", v).json()),
                        false,
                        edgeHistory),
                new Member(
                        "stress shock entity",
                        "entity",
                        v -> post(
                                "/api/v1/exposure/stress",
                                Valid.stress("DEBTRANK")
                                        .with("shocks", Valid.shock(v, "-0.5"))
                                        .json()),
                        true,
                        null));
    }
}
