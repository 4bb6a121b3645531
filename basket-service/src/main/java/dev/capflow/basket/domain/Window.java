package dev.capflow.basket.domain;

import dev.capflow.validation.FieldViolation;
import dev.capflow.validation.InvalidRequestException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A query's inclusive date bounds {@code [from, to]}; either may be null for its default. */
public record Window(LocalDate from, LocalDate to) {

    /** Parses the request's {@code from} and {@code to}, failing with every bad field named (from after to names {@code from}). */
    public static Window parse(String from, String to) {
        List<FieldViolation> violations = new ArrayList<>();
        LocalDate start = BasketValidator.parseDate(from, "from", false, violations);
        LocalDate end = BasketValidator.parseDate(to, "to", false, violations);
        if (start != null && end != null && start.isAfter(end)) {
            violations.add(new FieldViolation("from", "from " + start + " is after to " + end));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        return new Window(start, end);
    }
}
