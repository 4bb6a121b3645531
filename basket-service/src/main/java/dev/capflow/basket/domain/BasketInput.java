package dev.capflow.basket.domain;

import dev.capflow.basket.engine.Rebalance;
import java.util.List;

/**
 * A basket as a request states it, not yet validated: dates are text, and a null weighting or rebalance means the
 * request left it unspecified.
 */
public record BasketInput(
        String id,
        String name,
        String currency,
        String baseDate,
        double baseValue,
        Weighting weighting,
        Rebalance rebalance,
        List<Member> members,
        long version) {}
