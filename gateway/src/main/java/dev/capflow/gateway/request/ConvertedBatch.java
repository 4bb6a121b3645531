package dev.capflow.gateway.request;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The records of a request array that could be converted, each with its position in the original
 * array, plus a rejection for every element that could not. Downstream services number records
 * by their position in what they received, so their reports are remapped through
 * {@link #merge(IngestReport)}.
 */
public record ConvertedBatch<T>(List<T> records, List<Integer> positions, List<Rejection> rejections) {

    public ConvertedBatch {
        if (records.size() != positions.size()) {
            throw new IllegalArgumentException("every converted record needs its original position");
        }
        records = List.copyOf(records);
        positions = List.copyOf(positions);
        rejections = List.copyOf(rejections);
    }

    /** True when at least one element converted, so there is something to send downstream. */
    public boolean hasRecords() {
        return !records.isEmpty();
    }

    /** The report of this batch alone, for when nothing was sent downstream. */
    public IngestReport report() {
        return IngestReport.onlyRejections(rejections);
    }

    /**
     * The downstream report with its rejection indexes moved back to positions in the original
     * array, merged with the rejections found while converting, ordered by position.
     */
    public IngestReport merge(IngestReport downstream) {
        List<Rejection> all = new ArrayList<>(rejections);
        for (Rejection rejection : downstream.rejected()) {
            all.add(remap(rejection));
        }
        all.sort(Comparator.comparing(Rejection::index, Comparator.nullsLast(Comparator.naturalOrder())));
        return new IngestReport(
                downstream.accepted(), downstream.duplicates(), downstream.skipped(), all, downstream.replaced());
    }

    private Rejection remap(Rejection rejection) {
        Integer index = rejection.index();
        if (index == null || index < 0 || index >= positions.size()) {
            // An index the gateway never sent cannot be located; keep the reason rather than drop it.
            return new Rejection(null, rejection.row(), rejection.field(), rejection.reason());
        }
        return rejection.movedTo(positions.get(index));
    }
}
