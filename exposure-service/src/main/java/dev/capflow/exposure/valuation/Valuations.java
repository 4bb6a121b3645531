package dev.capflow.exposure.valuation;

import dev.capflow.exposure.domain.PreconditionException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The values obtained for a set of entities, and why the others have none (both by entity id). */
public record Valuations(Map<String, EntityValue> values, Map<String, String> missing) {

    public Valuations {
        values = Map.copyOf(values);
        missing = Map.copyOf(missing);
    }

    /** The value of {@code entityId}; only after {@link #require} has accepted it. */
    public double valueUsd(String entityId) {
        return values.get(entityId).valueUsd();
    }

    /**
     * Fails with FAILED_PRECONDITION naming every one of {@code entityIds} (in their order) whose value could not be
     * obtained, and why.
     */
    public void require(Collection<String> entityIds) {
        List<PreconditionException.Violation> unvalued = new ArrayList<>();
        for (String id : entityIds) {
            if (!values.containsKey(id)) {
                unvalued.add(new PreconditionException.Violation("VALUE", id, missing.getOrDefault(id, "no value")));
            }
        }
        if (!unvalued.isEmpty()) {
            throw new PreconditionException(unvalued);
        }
    }
}
