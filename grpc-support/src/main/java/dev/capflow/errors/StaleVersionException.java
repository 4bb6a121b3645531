package dev.capflow.errors;

/**
 * The caller's optimistic-lock version is not the stored one: someone else changed the resource first (or it does not
 * exist). Every service answers ABORTED with a google.rpc.ErrorInfo (reason STALE_VERSION) whose metadata carries
 * resource_type, resource_name, expected_version and actual_version.
 */
public class StaleVersionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String resourceType;
    private final String name;
    private final Long actual;
    private final long expected;

    /** {@code actual} is the stored version, null when the resource does not exist. */
    public StaleVersionException(String resourceType, String name, Long actual, long expected) {
        super(Resources.noun(resourceType) + " " + name
                + (actual == null
                        ? " does not exist, so it cannot be at version " + expected
                        : " is at version " + actual + ", not " + expected + "; re-read and retry"));
        this.resourceType = resourceType;
        this.name = name;
        this.actual = actual;
        this.expected = expected;
    }

    public String resourceType() {
        return resourceType;
    }

    public String name() {
        return name;
    }

    /** The stored version, or null when the resource does not exist. */
    public Long actual() {
        return actual;
    }

    public long expected() {
        return expected;
    }
}
