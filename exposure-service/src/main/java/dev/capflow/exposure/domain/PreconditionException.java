package dev.capflow.exposure.domain;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The request is well formed but the system is not in a state to answer it: an entity whose value cannot be obtained,
 * an entity still connected by edges. Each {@link Violation} names its subject and why.
 */
public class PreconditionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** One unmet precondition: {@code type} (e.g. {@code VALUE}), the subject it is about, and why. */
    public record Violation(String type, String subject, String description) {}

    private final transient List<Violation> violations;

    public PreconditionException(List<Violation> violations) {
        super(violations.stream().map(v -> v.subject() + ": " + v.description()).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
