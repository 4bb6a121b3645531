package dev.capflow.validation;

import java.util.List;
import java.util.stream.Collectors;

/** A request broke one or more field rules; nothing was done. Every service answers it INVALID_ARGUMENT. */
public class InvalidRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Violations the message spells out; the status details bound theirs the same way (GrpcStatuses). */
    private static final int MAX_IN_MESSAGE = 20;

    private final transient List<FieldViolation> violations;

    public InvalidRequestException(List<FieldViolation> violations) {
        super(describe(violations));
        this.violations = List.copyOf(violations);
    }

    private static String describe(List<FieldViolation> violations) {
        String first = violations.stream()
                .limit(MAX_IN_MESSAGE)
                .map(v -> v.field() + ": " + v.description())
                .collect(Collectors.joining("; "));
        return violations.size() > MAX_IN_MESSAGE
                ? first + "; and " + (violations.size() - MAX_IN_MESSAGE) + " more"
                : first;
    }

    public InvalidRequestException(String field, String description) {
        this(List.of(new FieldViolation(field, description)));
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
