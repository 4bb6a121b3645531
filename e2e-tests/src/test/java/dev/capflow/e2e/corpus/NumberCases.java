package dev.capflow.e2e.corpus;

import static dev.capflow.e2e.corpus.CorpusCase.answered;
import static dev.capflow.e2e.corpus.CorpusCase.refused;
import static dev.capflow.e2e.corpus.CorpusRequest.post;
import static dev.capflow.e2e.corpus.CorpusRequest.put;
import static dev.capflow.e2e.corpus.JsonBody.str;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Prices, volumes, ratios, amounts, shares and weights as "NaN", negative, zero, 1e308 and the subnormals 5e-324 and
 * 1e-320. NaN and negatives are refused everywhere, zero where the member must be positive; the extremes are legal
 * numbers, so they may be stored (under ids of their own, after the refusals) but no answer may turn them non-finite.
 */
final class NumberCases {

    private static final String CATEGORY = "numbers";
    private static final List<String> EXTREMES = List.of("1e308", "5e-324", "1e-320");

    private NumberCases() {}

    /** A write with one numeric member; {@code request} takes the raw value and the id (or symbol) to create. */
    private record Member(
            String where,
            String field,
            boolean positive,
            BiFunction<String, String, CorpusRequest> request,
            String newId,
            String absentAfter) {}

    static List<CorpusCase> cases() {
        List<CorpusCase> cases = new ArrayList<>();
        for (Member member : members()) {
            cases.add(refusal(member, "NaN", str("NaN")));
            cases.add(refusal(member, "-1", "-1"));
            if (member.positive()) {
                cases.add(refusal(member, "0", "0"));
            }
        }
        return cases;
    }

    /** The legal extremes (and zero where it is legal), each creating under an id of its own. */
    static List<CorpusCase> legal() {
        List<CorpusCase> cases = new ArrayList<>();
        int n = 0;
        for (Member member : members()) {
            List<String> values = new ArrayList<>(EXTREMES);
            if (!member.positive()) {
                values.add("0");
            }
            for (String value : values) {
                String id = member.newId() == null ? null : member.newId() + (n++);
                cases.add(answered(
                        CATEGORY, member.where() + " " + value, member.request().apply(value, id)));
            }
        }
        return cases;
    }

    private static CorpusCase refusal(Member member, String what, String value) {
        CorpusCase refusal = refused(
                CATEGORY, member.where() + " " + what, member.request().apply(value, member.newId()), member.field());
        return member.absentAfter() == null ? refusal : refusal.absentAfter(member.absentAfter());
    }

    private static List<Member> members() {
        String entityHistory = "/api/v1/exposure/entities/" + Valid.NEW_ENTITY + "/history";
        String edgeHistory = "/api/v1/exposure/edges/" + Valid.NEW_EDGE + "/history";
        String basket = "/api/v1/baskets/" + Valid.NEW_BASKET;
        List<Member> members = new ArrayList<>();
        for (String price : List.of("open", "high", "low", "close")) {
            members.add(new Member(
                    "bar " + price,
                    price,
                    true,
                    (v, id) -> post(
                            "/api/v1/prices/bars", Valid.bar().with(price, v).inArray()),
                    null,
                    null));
        }
        members.add(new Member(
                "bar volume",
                "volume",
                false,
                (v, id) -> post(
                        "/api/v1/prices/bars", Valid.bar().with("volume", v).inArray()),
                null,
                null));
        members.add(new Member(
                "tick price",
                "price",
                true,
                (v, id) -> post(
                        "/api/v1/prices/ticks", Valid.tick().with("price", v).inArray()),
                null,
                null));
        members.add(new Member(
                "tick size",
                "size",
                false,
                (v, id) -> post(
                        "/api/v1/prices/ticks", Valid.tick().with("size", v).inArray()),
                null,
                null));
        members.add(new Member(
                "split ratio",
                "ratio",
                true,
                (v, id) -> post(
                        "/api/v1/corporate-actions",
                        Valid.split().with("ratio", v).json()),
                null,
                null));
        members.add(new Member(
                "dividend amount",
                "amount",
                true,
                (v, id) -> post(
                        "/api/v1/corporate-actions",
                        Valid.dividend().with("amount", v).json()),
                null,
                null));
        members.add(new Member(
                "instrument sharesOutstanding",
                "sharesOutstanding",
                true,
                (v, id) -> put(
                        "/api/v1/instruments/" + id,
                        Valid.instrument().with("sharesOutstanding", v).json()),
                Valid.NEW_SYMBOL,
                null));
        for (String amount : List.of("valuationUsd", "revenueUsd", "cashUsd")) {
            members.add(new Member(
                    "entity " + amount,
                    amount,
                    amount.equals("valuationUsd"),
                    (v, id) -> put(
                            "/api/v1/exposure/entities/" + id,
                            Valid.entity().with(amount, v).json()),
                    Valid.NEW_ENTITY,
                    entityHistory));
        }
        for (String amount : List.of("amountUsd", "capacityGw")) {
            members.add(new Member(
                    "edge " + amount,
                    amount,
                    false,
                    (v, id) -> post(
                            "/api/v1/exposure/edges",
                            Valid.edge().with("id", str(id)).with(amount, v).json()),
                    Valid.NEW_EDGE,
                    edgeHistory));
        }
        members.add(new Member(
                "edge share",
                "share",
                false,
                (v, id) -> post(
                        "/api/v1/exposure/edges",
                        Valid.equity(id, "corpus-x", "corpus-y", v).json()),
                Valid.NEW_EDGE,
                edgeHistory));
        members.add(new Member(
                "basket weight",
                "weight",
                false,
                (v, id) -> post(
                        "/api/v1/baskets",
                        Valid.customBasket(JsonBody.of("symbol", str("MSFT"), "weight", v))
                                .with("id", str(id))
                                .json()),
                Valid.NEW_BASKET,
                basket));
        members.add(new Member(
                "basket baseValue",
                "baseValue",
                true,
                (v, id) -> post(
                        "/api/v1/baskets",
                        Valid.basket().with("id", str(id)).with("baseValue", v).json()),
                Valid.NEW_BASKET,
                basket));
        return members;
    }
}
