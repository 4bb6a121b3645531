package dev.capflow.gateway.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.capflow.gateway.request.FieldViolation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem detail ({@code application/problem+json}). Extension members, such as the
 * ingest report of a request whose records were all rejected, follow the standard members.
 */
@Schema(name = "Problem", description = "RFC 9457 problem detail; 422 answers also carry the ingest report fields.")
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "violations"})
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";

    private final String type;
    private final String title;
    private final int status;
    private final String detail;
    private final String instance;
    private final List<FieldViolation> violations;
    private final Map<String, Object> extensions;

    private Problem(
            String type,
            String title,
            int status,
            String detail,
            String instance,
            List<FieldViolation> violations,
            Map<String, Object> extensions) {
        this.type = type;
        this.title = title;
        this.status = status;
        this.detail = detail;
        this.instance = instance;
        this.violations = List.copyOf(violations);
        this.extensions = extensions;
    }

    /** A problem of one of the gateway's own types. */
    public static Problem of(ProblemType type, String detail, String instance) {
        return new Problem(type.uri(), type.title(), type.status(), detail, instance, List.of(), Map.of());
    }

    /** A plain HTTP error with no more specific type ({@code about:blank}, titled by the status phrase). */
    public static Problem ofHttpStatus(int status, String reasonPhrase, String detail, String instance) {
        return new Problem("about:blank", reasonPhrase, status, detail, instance, List.of(), Map.of());
    }

    /** This problem with the fields that caused it. */
    public Problem withViolations(List<FieldViolation> fieldViolations) {
        return new Problem(type, title, status, detail, instance, fieldViolations, extensions);
    }

    /** This problem with extension members added after the standard ones. */
    public Problem withExtensions(Map<String, Object> members) {
        Map<String, Object> merged = new LinkedHashMap<>(extensions);
        merged.putAll(members);
        return new Problem(type, title, status, detail, instance, violations, merged);
    }

    @Schema(example = "urn:capflow:problem:invalid-request")
    public String getType() {
        return type;
    }

    @Schema(example = "Invalid request")
    public String getTitle() {
        return title;
    }

    @Schema(example = "400")
    public int getStatus() {
        return status;
    }

    @Schema(example = "from must be an ISO-8601 date such as 2025-10-29")
    public String getDetail() {
        return detail;
    }

    @Schema(example = "/api/v1/prices/NVDA/bars")
    public String getInstance() {
        return instance;
    }

    @Schema(description = "The fields that caused the problem, when known.")
    public List<FieldViolation> getViolations() {
        return violations;
    }

    @JsonAnyGetter
    @Schema(hidden = true)
    public Map<String, Object> getExtensions() {
        return extensions;
    }
}
