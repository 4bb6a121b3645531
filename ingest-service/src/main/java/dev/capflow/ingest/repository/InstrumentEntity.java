package dev.capflow.ingest.repository;

import dev.capflow.ingest.domain.Instrument;
import dev.capflow.ingest.domain.InstrumentKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;

/** A row of {@code ingest.instrument}, optimistically locked by {@code version}. */
@Entity
@Table(name = "instrument", schema = "ingest")
public class InstrumentEntity {

    @Id
    public String symbol;

    public String name;

    public String currency;

    public String exchange;

    @Enumerated(EnumType.STRING)
    public InstrumentKind kind;

    @Column(name = "shares_outstanding")
    public Long sharesOutstanding;

    @Version
    public long version;

    @CreationTimestamp
    @Column(name = "created_at", updatable = false)
    public Instant createdAt;

    @UpdateTimestamp
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Copies the registry fields of {@code instrument} (not its symbol or version). */
    public void apply(Instrument instrument) {
        name = instrument.name();
        currency = instrument.currency();
        exchange = instrument.exchange();
        kind = instrument.kind();
        sharesOutstanding = instrument.sharesOutstanding();
    }

    public Instrument toDomain() {
        return new Instrument(symbol, name, currency, exchange, kind, sharesOutstanding, version);
    }
}
