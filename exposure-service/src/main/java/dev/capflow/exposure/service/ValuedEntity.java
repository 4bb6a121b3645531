package dev.capflow.exposure.service;

import dev.capflow.exposure.domain.GraphEntity;
import dev.capflow.exposure.valuation.EntityValue;

/** An entity with its current value, or (value null) why it has none. */
public record ValuedEntity(GraphEntity entity, EntityValue value, String unavailableReason) {}
