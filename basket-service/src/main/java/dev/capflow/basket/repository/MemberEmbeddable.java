package dev.capflow.basket.repository;

import jakarta.persistence.Embeddable;

/** A row of {@code basket.basket_member} (its position is the list index). */
@Embeddable
public class MemberEmbeddable {

    public String symbol;

    public double weight;

    public MemberEmbeddable() {}

    public MemberEmbeddable(String symbol, double weight) {
        this.symbol = symbol;
        this.weight = weight;
    }
}
