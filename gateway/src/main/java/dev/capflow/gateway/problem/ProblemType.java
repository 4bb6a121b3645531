package dev.capflow.gateway.problem;

/** The kinds of problem the gateway answers, each with its HTTP status and a stable type URI. */
public enum ProblemType {
    INVALID_REQUEST(400, "Invalid request"),
    NOT_FOUND(404, "Not found"),
    CONFLICT(409, "Conflict"),
    UNAUTHORIZED(401, "Unauthorized"),
    FORBIDDEN(403, "Forbidden"),
    PAYLOAD_TOO_LARGE(413, "Payload too large"),
    RECORDS_REJECTED(422, "Every record was rejected"),
    UNPROCESSABLE(422, "The analysis has no finite answer"),
    RATE_LIMITED(429, "Too many requests"),
    INTERNAL_ERROR(500, "Internal error"),
    UPSTREAM_FAILURE(502, "Upstream service failed"),
    UPSTREAM_UNAVAILABLE(503, "Upstream service unavailable"),
    UPSTREAM_TIMEOUT(504, "Upstream service timed out");

    private static final String URI_PREFIX = "urn:capflow:problem:";

    private final int status;
    private final String title;

    ProblemType(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The RFC 9457 {@code type}, e.g. {@code urn:capflow:problem:invalid-request}. */
    public String uri() {
        return URI_PREFIX + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
