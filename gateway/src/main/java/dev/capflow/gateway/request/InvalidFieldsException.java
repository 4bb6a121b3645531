package dev.capflow.gateway.request;

import java.util.List;

/** Thrown when a request, a query parameter or one record carries fields that cannot be used. */
public class InvalidFieldsException extends RuntimeException {

    private final transient List<FieldViolation> violations;

    public InvalidFieldsException(List<FieldViolation> violations) {
        super(describe(violations));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an InvalidFieldsException needs at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    public InvalidFieldsException(String field, String reason) {
        this(List.of(new FieldViolation(field, reason)));
    }

    public List<FieldViolation> violations() {
        return violations;
    }

    private static String describe(List<FieldViolation> violations) {
        StringBuilder text = new StringBuilder();
        for (FieldViolation violation : violations) {
            if (!text.isEmpty()) {
                text.append("; ");
            }
            text.append(violation.field()).append(' ').append(violation.reason());
        }
        return text.toString();
    }
}
