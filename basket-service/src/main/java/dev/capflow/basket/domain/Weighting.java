package dev.capflow.basket.domain;

/** How member weights are set: 1/n each, or as given (summing to 1). */
public enum Weighting {
    EQUAL,
    CUSTOM
}
