package dev.capflow.exposure.repository;

import dev.capflow.exposure.domain.RecordTime;
import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.time.LocalDate;
import java.util.OptionalDouble;

/**
 * One stored version of an entity or edge: its slug id, the optimistic-lock version of the write that stored it, the end
 * of its valid time (null: still holds) and its record time. Rows are only ever inserted, and later marked superseded.
 */
@MappedSuperclass
public abstract class VersionedRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "row_id")
    public Long rowId;

    public String id;

    public long version;

    @Column(name = "valid_to")
    public LocalDate validTo;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    @Column(name = "superseded_at")
    public Instant supersededAt;

    /** The first day this version holds; null for "since always". */
    public abstract LocalDate validFrom();

    /** Whether this version still holds on {@code date} or later (null date: at any time). */
    public boolean holdsOnOrAfter(LocalDate date) {
        return validTo == null || date == null || validTo.isAfter(date);
    }

    RecordTime recordTime() {
        return new RecordTime(recordedAt, supersededAt);
    }

    /** An optional amount as a nullable column value. */
    static Double boxed(OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }

    /** A nullable column value as an optional amount. */
    static OptionalDouble optional(Double value) {
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }
}
