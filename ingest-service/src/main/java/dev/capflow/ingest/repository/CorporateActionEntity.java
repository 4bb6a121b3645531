package dev.capflow.ingest.repository;

import dev.capflow.ingest.domain.CorporateAction;
import dev.capflow.ingest.domain.CorporateActionKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.CreationTimestamp;

/** A row of {@code ingest.corporate_action}: a SPLIT carries {@code ratio}, a DIVIDEND {@code amount}. */
@Entity
@Table(name = "corporate_action", schema = "ingest")
public class CorporateActionEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String symbol;

    @Column(name = "ex_date")
    public LocalDate exDate;

    @Enumerated(EnumType.STRING)
    public CorporateActionKind kind;

    public Double ratio;

    public Double amount;

    @CreationTimestamp
    @Column(name = "created_at", updatable = false)
    public Instant createdAt;

    public static CorporateActionEntity of(CorporateAction action) {
        CorporateActionEntity entity = new CorporateActionEntity();
        entity.symbol = action.symbol();
        entity.exDate = action.exDate();
        entity.kind = action.kind();
        if (action.kind() == CorporateActionKind.SPLIT) {
            entity.ratio = action.value();
        } else {
            entity.amount = action.value();
        }
        return entity;
    }

    public CorporateAction toDomain() {
        return new CorporateAction(symbol, exDate, kind, kind == CorporateActionKind.SPLIT ? ratio : amount);
    }
}
