package dev.capflow.exposure.domain;

/** One broken rule of a request, named by the request-relative path of its field (e.g. {@code shocks[2].value_change}). */
public record FieldViolation(String field, String description) {
}
