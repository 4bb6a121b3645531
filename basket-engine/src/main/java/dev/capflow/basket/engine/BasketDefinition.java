package dev.capflow.basket.engine;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a basket holds and how: reporting currency, base date and value, rebalancing rule and members.
 * Validated on construction; every violation names its field.
 */
public record BasketDefinition(
        String currency, LocalDate baseDate, double baseValue, Rebalance rebalance, List<BasketMember> members) {

    /** The base value used when none is given. */
    public static final double DEFAULT_BASE_VALUE = 100.0;

    /**
     * The base values allowed. Levels are the base value times the members' price ratios (prices lie in 1e-6..1e7),
     * so within these bounds no level overflows to Infinity or underflows to a denormal that reads as zero.
     */
    public static final double MIN_BASE_VALUE = 1e-6;

    public static final double MAX_BASE_VALUE = 1e9;

    /** How far the weights may sum away from 1. */
    public static final double WEIGHT_SUM_TOLERANCE = 1e-9;

    public BasketDefinition {
        if (currency == null || currency.isBlank()) {
            throw new BasketArgumentException("currency", "the reporting currency is required");
        }
        if (baseDate == null) {
            throw new BasketArgumentException("baseDate", "the base date is required");
        }
        if (!(baseValue >= MIN_BASE_VALUE && baseValue <= MAX_BASE_VALUE)) {
            throw new BasketArgumentException(
                    "baseValue", "must be between 1e-6 and 1e9 (e.g. 100 or 1000), got " + baseValue);
        }
        if (rebalance == null) {
            throw new BasketArgumentException("rebalance", "the rebalancing rule is required");
        }
        members = List.copyOf(validMembers(members));
    }

    /** A basket with custom weights and the default base value of 100. */
    public static BasketDefinition of(
            String currency, LocalDate baseDate, Rebalance rebalance, List<BasketMember> members) {
        return new BasketDefinition(currency, baseDate, DEFAULT_BASE_VALUE, rebalance, members);
    }

    /** An equal-weighted basket with the default base value of 100. */
    public static BasketDefinition equalWeight(
            String currency, LocalDate baseDate, Rebalance rebalance, List<String> symbols) {
        if (symbols == null || symbols.isEmpty()) {
            throw new BasketArgumentException("members", "a basket needs at least one member");
        }
        double weight = 1.0 / symbols.size();
        return of(
                currency,
                baseDate,
                rebalance,
                symbols.stream().map(s -> new BasketMember(s, weight)).toList());
    }

    /** The member symbols, in definition order. */
    public List<String> symbols() {
        return members.stream().map(BasketMember::symbol).toList();
    }

    private static List<BasketMember> validMembers(List<BasketMember> members) {
        if (members == null || members.isEmpty()) {
            throw new BasketArgumentException("members", "a basket needs at least one member");
        }
        Set<String> seen = new HashSet<>();
        double sum = 0;
        int passesOne = -1;
        for (int i = 0; i < members.size(); i++) {
            BasketMember member = members.get(i);
            if (member == null) {
                throw new BasketArgumentException("members[" + i + "]", "is missing");
            }
            if (member.symbol() == null || member.symbol().isBlank()) {
                throw new BasketArgumentException("members[" + i + "].symbol", "the symbol is required");
            }
            if (!seen.add(member.symbol())) {
                throw new BasketArgumentException("members[" + i + "].symbol", "duplicate member " + member.symbol());
            }
            if (!Double.isFinite(member.weight()) || member.weight() < 0) {
                throw new BasketArgumentException(
                        "members[" + i + "].weight",
                        "the weight of " + member.symbol() + " must be a finite non-negative fraction, got "
                                + member.weight());
            }
            sum += member.weight();
            if (passesOne < 0 && sum > 1.0 + WEIGHT_SUM_TOLERANCE) {
                passesOne = i;
            }
        }
        if (Math.abs(sum - 1.0) > WEIGHT_SUM_TOLERANCE) {
            // named at the member whose weight takes the sum past 1, or at the last member when they fall short
            int at = passesOne >= 0 ? passesOne : members.size() - 1;
            throw new BasketArgumentException(
                    "members[" + at + "].weight",
                    "weights must sum to 1 (within 1e-9), got " + sum
                            + (passesOne >= 0
                                    ? ": the sum passes 1 at " + members.get(at).symbol()
                                    : ": " + (1.0 - sum) + " is left unassigned"));
        }
        return members;
    }
}
