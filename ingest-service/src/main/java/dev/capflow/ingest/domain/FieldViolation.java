package dev.capflow.ingest.domain;

/** One broken rule of a request, named by the request-relative path of its field (e.g. {@code instrument.currency}). */
public record FieldViolation(String field, String description) {

    /** The same violation with its field nested under {@code parent} (e.g. {@code instrument}). */
    public FieldViolation under(String parent) {
        return new FieldViolation(parent + "." + field, description);
    }
}
