package dev.capflow.validation;

/** One broken rule of a request, named by the request-relative path of its field (e.g. {@code basket.members[2].symbol}). */
public record FieldViolation(String field, String description) {

    /** The same violation with its field nested under {@code parent} (e.g. {@code instrument}). */
    public FieldViolation under(String parent) {
        return new FieldViolation(parent + "." + field, description);
    }
}
