package dev.capflow.e2e;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An independent check of the cross-holdings model: E = P + S E solved by fixed-point iteration (the Neumann series
 * of (I - S)^-1), where exposure-service solves it by LU decomposition.
 */
final class Leontief {

    private Leontief() {}

    /** Every entity's value after scaling {@code shocked}'s primary value by 1 + change; stakes are EQUITY edges. */
    static Map<String, Double> shockedValues(
            Map<String, Double> values, List<Map<String, Object>> stakes, String shocked, double change) {
        Map<String, Double> primary = new HashMap<>(values);
        for (Map<String, Object> stake : stakes) {
            String holder = (String) stake.get("from");
            String held = (String) stake.get("to");
            if (values.containsKey(holder) && values.containsKey(held)) {
                primary.merge(holder, -(Double) stake.get("share") * values.get(held), Double::sum);
            }
        }
        primary.computeIfPresent(shocked, (id, value) -> value * (1 + change));
        Map<String, Double> solution = new HashMap<>(primary);
        for (int round = 0; round < 200; round++) {
            Map<String, Double> next = new HashMap<>(primary);
            for (Map<String, Object> stake : stakes) {
                String holder = (String) stake.get("from");
                String held = (String) stake.get("to");
                if (values.containsKey(holder) && values.containsKey(held)) {
                    next.merge(holder, (Double) stake.get("share") * solution.get(held), Double::sum);
                }
            }
            solution = next;
        }
        return solution;
    }
}
