package dev.capflow.basket.repository;

import dev.capflow.basket.domain.Basket;
import dev.capflow.basket.domain.Member;
import dev.capflow.basket.domain.Weighting;
import dev.capflow.basket.engine.Rebalance;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;

/** A row of {@code basket.basket} with its members, optimistically locked by {@code version}. */
@Entity
@Table(name = "basket", schema = "basket")
public class BasketEntity {

    @Id
    public String id;

    public String name;

    public String currency;

    @Column(name = "base_date")
    public LocalDate baseDate;

    @Column(name = "base_value")
    public double baseValue;

    @Enumerated(EnumType.STRING)
    public Weighting weighting;

    @Enumerated(EnumType.STRING)
    public Rebalance rebalance;

    @ElementCollection
    @CollectionTable(name = "basket_member", schema = "basket", joinColumns = @JoinColumn(name = "basket_id"))
    @OrderColumn(name = "position")
    public List<MemberEmbeddable> members = new ArrayList<>();

    @Version
    public long version;

    @CreationTimestamp
    @Column(name = "created_at", updatable = false)
    public Instant createdAt;

    @UpdateTimestamp
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Copies every definition field of {@code basket} (not its id or version). */
    public void apply(Basket basket) {
        name = basket.name();
        currency = basket.currency();
        baseDate = basket.baseDate();
        baseValue = basket.baseValue();
        weighting = basket.weighting();
        rebalance = basket.rebalance();
        members.clear();
        basket.members().forEach(m -> members.add(new MemberEmbeddable(m.symbol(), m.weight())));
    }

    public Basket toDomain() {
        return new Basket(
                id,
                name,
                currency,
                baseDate,
                baseValue,
                weighting,
                rebalance,
                members.stream().map(m -> new Member(m.symbol, m.weight)).toList(),
                version);
    }
}
