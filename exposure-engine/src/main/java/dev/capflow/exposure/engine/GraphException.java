package dev.capflow.exposure.engine;

/**
 * Bad graph or model input, naming the offending field (such as {@code edge.share} or {@code shocks[3].valueChange})
 * and its subject (an edge id or an entity id), so that callers can map it to INVALID_ARGUMENT.
 */
public final class GraphException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String subject;
    private final String reason;

    public GraphException(String field, String subject, String message) {
        super(field + " of " + subject + ": " + message);
        this.field = field;
        this.subject = subject;
        this.reason = message;
    }

    /** The offending field, for example {@code edge.from}, {@code edge.share} or {@code values}. */
    public String field() {
        return field;
    }

    /** The edge id or entity id the problem is about. */
    public String subject() {
        return subject;
    }

    /** The message without the field and subject prefix. */
    public String reason() {
        return reason;
    }
}
