package dev.capflow.validation;

import java.util.List;
import java.util.stream.Collectors;

/** A request broke one or more field rules; nothing was done. Every service answers it INVALID_ARGUMENT. */
public class InvalidRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<FieldViolation> violations;

    public InvalidRequestException(List<FieldViolation> violations) {
        super(violations.stream().map(v -> v.field() + ": " + v.description()).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public InvalidRequestException(String field, String description) {
        this(List.of(new FieldViolation(field, description)));
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
