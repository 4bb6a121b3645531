package dev.capflow.ingest.grpc;

import dev.capflow.validation.InvalidRequestException;
import java.util.List;

/** Record-count limits of a request, checked before any record is converted or validated. */
final class BatchLimits {

    private BatchLimits() {}

    /** {@code records} when at most {@code max}, else INVALID_ARGUMENT naming {@code field}. */
    static <T> List<T> checked(List<T> records, String field, int max) {
        if (records.size() > max) {
            throw new InvalidRequestException(field, "at most " + max + " per request, got " + records.size());
        }
        return records;
    }
}
