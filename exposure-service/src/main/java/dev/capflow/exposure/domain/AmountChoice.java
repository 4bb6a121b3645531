package dev.capflow.exposure.domain;

import java.util.OptionalDouble;

/** Which figure of an edge's amount an analysis uses; an amount without a range has one figure, used by every choice. */
public enum AmountChoice {
    LOW,
    BASE,
    HIGH;

    /** The chosen amount of {@code edge}: its low or high end when it has one, else its amount (empty when undisclosed). */
    public OptionalDouble of(GraphEdge edge) {
        return switch (this) {
            case LOW -> edge.amountLowUsd().isPresent() ? edge.amountLowUsd() : edge.amountUsd();
            case BASE -> edge.amountUsd();
            case HIGH -> edge.amountHighUsd().isPresent() ? edge.amountHighUsd() : edge.amountUsd();
        };
    }
}
