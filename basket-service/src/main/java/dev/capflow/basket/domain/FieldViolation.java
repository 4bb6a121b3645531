package dev.capflow.basket.domain;

/** One broken rule of a request, named by the request-relative path of its field (e.g. {@code basket.members[2].symbol}). */
public record FieldViolation(String field, String description) {
}
