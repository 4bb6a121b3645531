package dev.capflow.gateway.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.capflow.gateway.request.FieldViolation;
import dev.capflow.gateway.request.InvalidFieldsException;
import dev.capflow.gateway.request.PartlyImportedException;
import dev.capflow.gateway.request.TooManyRecordsException;
import dev.capflow.gateway.rest.json.JacksonViolations;
import dev.capflow.gateway.rest.openapi.AllowedMethods;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Answers every failure of a REST call with {@code application/problem+json}; stack traces are logged, never sent. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final TypeReference<Map<String, Object>> MEMBERS = new TypeReference<>() {};

    private final ObjectMapper mapper;

    public ProblemMappers(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @ServerExceptionMapper
    public RestResponse<Problem> invalidFields(InvalidFieldsException e, HttpServerRequest request) {
        return respond(Problem.of(ProblemType.INVALID_REQUEST, e.getMessage(), request.path())
                .withViolations(e.violations()));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> tooManyRecords(TooManyRecordsException e, HttpServerRequest request) {
        return respond(Problem.of(ProblemType.PAYLOAD_TOO_LARGE, e.getMessage(), request.path())
                .withViolations(e.violations()));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unreadableJson(JsonProcessingException e, HttpServerRequest request) {
        var violation = JacksonViolations.of(e);
        return respond(
                Problem.of(ProblemType.INVALID_REQUEST, violation.field() + " " + violation.reason(), request.path())
                        .withViolations(List.of(violation)));
    }

    /**
     * The body reader's mismatch (trailing content after the document, an empty body), which Quarkus' own mapper of this
     * narrower type would answer with a bare 400.
     */
    @ServerExceptionMapper
    public RestResponse<Problem> mismatchedJson(MismatchedInputException e, HttpServerRequest request) {
        return unreadableJson(e, request);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> recordsRejected(RecordsRejectedException e, HttpServerRequest request) {
        return respond(Problem.of(ProblemType.RECORDS_REJECTED, e.getMessage(), request.path())
                .withExtensions(mapper.convertValue(e.report(), MEMBERS)));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> partlyImported(PartlyImportedException e, HttpServerRequest request) {
        return grpcFailure(
                e.downstream(), request, Map.of("acknowledged", mapper.convertValue(e.acknowledged(), MEMBERS)));
    }

    @ServerExceptionMapper({StatusRuntimeException.class, StatusException.class})
    public RestResponse<Problem> grpcFailure(Exception e, HttpServerRequest request) {
        return grpcFailure(e, request, Map.of());
    }

    private RestResponse<Problem> grpcFailure(Exception e, HttpServerRequest request, Map<String, Object> extensions) {
        Problem problem = GrpcProblems.of(e, request.path()).withExtensions(extensions);
        if (problem.getStatus() >= 500) {
            LOG.warnf("%s %s failed downstream: %s", request.method(), request.path(), e.getMessage());
        }
        return respond(problem);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> circuitOpen(CircuitBreakerOpenException e, HttpServerRequest request) {
        return respond(Problem.of(
                ProblemType.UPSTREAM_UNAVAILABLE,
                "the downstream service is failing; calls are paused for a few seconds",
                request.path()));
    }

    /** A numeric query parameter that is not a number: 400 naming every parameter that carries the value. */
    @ServerExceptionMapper
    public RestResponse<Problem> badNumber(NumericQueryParameters.BadNumber e, HttpServerRequest request) {
        List<FieldViolation> violations = request.params().entries().stream()
                .filter(param -> param.getValue().equals(e.value()))
                .map(param -> new FieldViolation(
                        param.getKey(),
                        "must be " + e.expected() + ", got '"
                                + (e.value().length() <= 64
                                        ? e.value()
                                        : e.value().substring(0, 64) + "...") + "'"))
                .distinct()
                .toList();
        return respond(Problem.of(
                        ProblemType.INVALID_REQUEST,
                        violations.isEmpty()
                                ? "a query parameter must be " + e.expected()
                                : violations.get(0).field() + " "
                                        + violations.get(0).reason(),
                        request.path())
                .withViolations(violations));
    }

    /** A body of a type the route does not take, a malformed type or none (415 naming {@code Content-Type}), or coded. */
    @ServerExceptionMapper
    public RestResponse<Problem> unsupportedBodyType(NotSupportedException e, HttpServerRequest request) {
        List<String> takes = e instanceof UnsupportedBodyType unsupported ? unsupported.takes() : List.of();
        FieldViolation violation = e instanceof UnsupportedBodyCoding coding
                ? coding.violation()
                : UnsupportedBodyType.violation(request.getHeader(UnsupportedBodyType.HEADER), takes);
        return respond(Problem.ofHttpStatus(
                        415, "Unsupported Media Type", violation.field() + " " + violation.reason(), request.path())
                .withViolations(List.of(violation)));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> httpError(WebApplicationException e, HttpServerRequest request) {
        if (e.getCause() instanceof JsonProcessingException json) {
            // The JSON body reader reports unparseable input wrapped in a 400.
            return unreadableJson(json, request);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        RestResponse.ResponseBuilder<Problem> response = problemResponse(
                Problem.ofHttpStatus(status.getStatusCode(), status.getReasonPhrase(), e.getMessage(), request.path()));
        // the refusal's own headers stay: a 405's Allow lists the methods the path takes (RFC 9110)
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)
                    && !HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) {
                values.forEach(value -> response.header(name, value));
            }
        });
        if (status.getStatusCode() == 405 && !e.getResponse().getHeaders().containsKey(HttpHeaders.ALLOW)) {
            AllowedMethods.of(request.path()).ifPresent(allowed -> response.header(HttpHeaders.ALLOW, allowed));
        }
        return response.build();
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unexpected(Throwable e, HttpServerRequest request) {
        LOG.errorf(e, "%s %s failed", request.method(), request.path());
        return respond(Problem.of(
                ProblemType.INTERNAL_ERROR, "the gateway failed to answer; the error is logged", request.path()));
    }

    private static RestResponse<Problem> respond(Problem problem) {
        return problemResponse(problem).build();
    }

    private static RestResponse.ResponseBuilder<Problem> problemResponse(Problem problem) {
        return RestResponse.ResponseBuilder.<Problem>create(problem.getStatus())
                .entity(problem)
                .type(Problem.MEDIA_TYPE);
    }
}
