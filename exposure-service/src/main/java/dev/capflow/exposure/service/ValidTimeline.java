package dev.capflow.exposure.service;

import dev.capflow.exposure.repository.VersionedRow;
import java.time.LocalDate;
import java.util.List;

/**
 * How a write changes the valid timeline of one entity or edge from a date on (a new version from that date, or a delete
 * closing it then): every current version that still holds on or after the date is superseded, and the ones that began
 * before it are restated to end on it. A version that begins on or after the date is replaced whole (a correction).
 */
final class ValidTimeline {

    /** A current version the write supersedes; {@code restate}: it began before the cut and goes on holding until it. */
    record Cut<R extends VersionedRow>(R row, boolean restate) {}

    private ValidTimeline() {}

    /** The cuts a write from {@code date} (null: since always) makes in {@code current}, the id's current versions. */
    static <R extends VersionedRow> List<Cut<R>> cutFrom(LocalDate date, List<R> current) {
        return current.stream()
                .filter(row -> row.holdsOnOrAfter(date))
                .map(row -> new Cut<>(
                        row,
                        date != null
                                && (row.validFrom() == null || row.validFrom().isBefore(date))))
                .toList();
    }

    /** The optimistic-lock version of an id: the highest among its current versions. */
    static long versionOf(List<? extends VersionedRow> current) {
        return current.stream().mapToLong(row -> row.version).max().orElse(0);
    }

    /** Whether some current version holds with no end: the id has not been deleted. */
    static boolean isOpen(List<? extends VersionedRow> current) {
        return current.stream().anyMatch(row -> row.validTo == null);
    }
}
