package dev.capflow.gateway.problem;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import com.google.rpc.PreconditionFailure;
import dev.capflow.gateway.request.FieldViolation;
import dev.capflow.grpc.errors.GrpcStatuses;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Translates a failed gRPC call into a problem: status code to HTTP status, BadRequest details to violations. */
public final class GrpcProblems {

    /** The PreconditionFailure types of exposure-service meaning "no finite answer for this graph". */
    private static final Set<String> UNCOMPUTABLE = Set.of("EQUITY_CYCLE", "PRIMARY_VALUE", "NON_FINITE");

    private GrpcProblems() {}

    /** The problem type for a gRPC status code. */
    public static ProblemType typeOf(Status.Code code) {
        return switch (code) {
            case INVALID_ARGUMENT, OUT_OF_RANGE -> ProblemType.INVALID_REQUEST;
            case NOT_FOUND -> ProblemType.NOT_FOUND;
            case ALREADY_EXISTS, ABORTED, FAILED_PRECONDITION -> ProblemType.CONFLICT;
            case RESOURCE_EXHAUSTED -> ProblemType.PAYLOAD_TOO_LARGE;
            case UNAVAILABLE -> ProblemType.UPSTREAM_UNAVAILABLE;
            case DEADLINE_EXCEEDED -> ProblemType.UPSTREAM_TIMEOUT;
            default -> ProblemType.UPSTREAM_FAILURE;
        };
    }

    /**
     * The problem for a failed call. The service's description is passed on only for answers
     * about the request (4xx); for its own failures the caller learns the code, never internals.
     */
    public static Problem of(Throwable failure, String instance) {
        Status status = Status.fromThrowable(failure);
        com.google.rpc.Status rich = StatusProto.fromThrowable(failure); // its details, decoded once
        ProblemType type = cannotBeComputed(rich) ? ProblemType.UNPROCESSABLE : typeOf(status.getCode());
        String description = status.getDescription();
        String detail = type.status() < 500 && description != null && !description.isBlank()
                ? jsonSpelled(description, rich)
                : "the downstream service answered " + status.getCode();
        return Problem.of(type, detail, instance).withViolations(violations(rich));
    }

    /**
     * Whether the failure is a FAILED_PRECONDITION saying the analysis has no finite answer for this graph (an
     * ill-conditioned equity cycle, a primary value that is not positive): 422, not a conflict to retry.
     */
    private static boolean cannotBeComputed(com.google.rpc.Status rich) {
        if (rich == null || rich.getCode() != Status.Code.FAILED_PRECONDITION.value()) {
            return false;
        }
        for (Any detail : rich.getDetailsList()) {
            if (detail.is(PreconditionFailure.class)) {
                try {
                    return detail.unpack(PreconditionFailure.class).getViolationsList().stream()
                            .anyMatch(v -> UNCOMPUTABLE.contains(v.getType()));
                } catch (InvalidProtocolBufferException e) {
                    return false;
                }
            }
        }
        return false;
    }

    /**
     * The service's text with each field it names in a BadRequest violation spelled as the JSON body spells it
     * ({@code shocks[0].value_change} is {@code shocks[0].valueChange}), so that a text and its violations agree.
     */
    private static String jsonSpelled(String description, com.google.rpc.Status rich) {
        // the create routes relay their Idempotency-Key header as request_id: a REST caller knows only the header
        List<String> fields = new ArrayList<>(List.of(JsonFieldNames.REQUEST_ID));
        for (Any detail : rich == null ? List.<Any>of() : rich.getDetailsList()) {
            fieldViolations(detail).forEach(v -> fields.add(v.getField()));
        }
        return jsonSpelled(description, fields);
    }

    /**
     * {@code text} with each of {@code fields} spelled as JSON where it stands as a whole path: {@code page_token}
     * inside {@code next_page_token} is another name and stays as it is.
     */
    private static String jsonSpelled(String text, List<String> fields) {
        List<String> longestFirst = new ArrayList<>(fields);
        // the longest first: a path is not rewritten through a shorter one it contains
        longestFirst.sort(Comparator.comparingInt(String::length).reversed());
        String spelled = text;
        for (String field : longestFirst) {
            if (!field.isEmpty()) {
                spelled = Pattern.compile("(?<![\\w.])" + Pattern.quote(field) + "(?!\\w)")
                        .matcher(spelled)
                        .replaceAll(Matcher.quoteReplacement(JsonFieldNames.of(field)));
            }
        }
        return spelled;
    }

    /** The field violations of a google.rpc.BadRequest detail, if the status carries one. */
    public static List<FieldViolation> violations(Throwable failure) {
        return violations(StatusProto.fromThrowable(failure));
    }

    private static List<FieldViolation> violations(com.google.rpc.Status rich) {
        List<FieldViolation> violations = new ArrayList<>();
        if (rich == null) {
            return violations;
        }
        for (Any detail : rich.getDetailsList()) {
            List<BadRequest.FieldViolation> named = fieldViolations(detail);
            List<String> fields =
                    named.stream().map(BadRequest.FieldViolation::getField).toList();
            for (BadRequest.FieldViolation v : named) {
                violations.add(
                        new FieldViolation(JsonFieldNames.of(v.getField()), jsonSpelled(v.getDescription(), fields)));
            }
            if (detail.is(ErrorInfo.class)) {
                try {
                    staleVersion(detail.unpack(ErrorInfo.class)).ifPresent(violations::add);
                } catch (InvalidProtocolBufferException e) {
                    // A detail that cannot be decoded adds nothing the status code does not already say.
                }
            }
        }
        return violations;
    }

    /** The field violations of a google.rpc.BadRequest detail; none for another or an undecodable detail. */
    private static List<BadRequest.FieldViolation> fieldViolations(Any detail) {
        if (!detail.is(BadRequest.class)) {
            return List.of();
        }
        try {
            return detail.unpack(BadRequest.class).getFieldViolationsList();
        } catch (InvalidProtocolBufferException e) {
            return List.of();
        }
    }

    /**
     * A stale optimistic-lock version names the client's {@code version} (the body member or query parameter of every
     * versioned resource): the field to re-read, whatever the service's request calls it.
     */
    private static Optional<FieldViolation> staleVersion(ErrorInfo info) {
        if (!GrpcStatuses.STALE_VERSION.equals(info.getReason())) {
            return Optional.empty();
        }
        String expected = info.getMetadataOrDefault("expected_version", "?");
        String actual = info.getMetadataOrDefault("actual_version", "absent");
        return Optional.of(new FieldViolation(
                "version",
                actual.equals("absent")
                        ? "is " + expected + ", but there is no stored version"
                        : "is " + expected + ", but the stored version is " + actual + ": re-read and retry"));
    }
}
