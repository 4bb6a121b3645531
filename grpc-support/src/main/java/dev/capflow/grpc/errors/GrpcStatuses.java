package dev.capflow.grpc.errors;

import com.google.protobuf.Any;
import com.google.protobuf.Message;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import com.google.rpc.ResourceInfo;
import dev.capflow.errors.AlreadyExistsException;
import dev.capflow.errors.NotFoundException;
import dev.capflow.errors.StaleVersionException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The statuses every capflow server answers the same way, each with its google.rpc details (decodable with the
 * google/rpc protos that ship in capflow-proto; see proto/README.md). Their messages are for people; the details
 * carry the exact values.
 */
public final class GrpcStatuses {

    /** The google.rpc.ErrorInfo domain of capflow's own reasons. */
    public static final String DOMAIN = "capflow.dev";
    /** ErrorInfo reason of an optimistic-lock conflict. */
    public static final String STALE_VERSION = "STALE_VERSION";
    /** ErrorInfo reason of a write that lost to a concurrent one (no version to name). */
    public static final String CONCURRENT_UPDATE = "CONCURRENT_UPDATE";

    /**
     * The most field violations or resources one status details, and the longest message and description (characters):
     * a status travels in the trailers, whose size clients bound (8 KiB by default), so an error about a huge request
     * must not grow with it or the caller's error becomes a transport failure.
     */
    public static final int MAX_DETAILS = 20;

    public static final int MAX_MESSAGE = 1_000;
    public static final int MAX_DESCRIPTION = 500;
    /** The longest resource name or field path a status echoes (characters): ids of any length may be asked for. */
    public static final int MAX_NAME = 200;
    /**
     * The most bytes of field violations or resources one status details: with the message, the details stay well under
     * the clients' 8 KiB of trailers once base64-encoded.
     */
    public static final int MAX_DETAIL_BYTES = 2_500;

    private static final Logger LOG = Logger.getLogger(GrpcStatuses.class);

    private GrpcStatuses() {}

    /**
     * The status of the first throwable in {@code failure}'s cause chain that {@code known} maps (null: not known), or
     * INTERNAL, logged, pointing at {@code service}'s log: a server never answers UNKNOWN for a known condition.
     */
    public static Throwable firstKnown(Throwable failure, Function<Throwable, Throwable> known, String service) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            Throwable mapped = known.apply(cause);
            if (mapped != null) {
                return mapped;
            }
        }
        LOG.error("unexpected failure", failure);
        return Status.INTERNAL
                .withDescription("internal error; see the " + service + " log")
                .asRuntimeException();
    }

    /** INVALID_ARGUMENT carrying a google.rpc.BadRequest: see {@link #withBadRequest}. */
    public static <T> StatusRuntimeException invalidArgument(
            String message, List<T> violations, Function<T, String> field, Function<T, String> description) {
        return withBadRequest(Status.Code.INVALID_ARGUMENT, message, violations, field, description);
    }

    /**
     * {@code code} (e.g. RESOURCE_EXHAUSTED for a request over a limit) carrying a google.rpc.BadRequest with one field
     * violation per element, in order, so the caller learns which of its fields to change: the first
     * {@value #MAX_DETAILS} (fewer when they pass {@value #MAX_DETAIL_BYTES} bytes), then one saying how many more were
     * left out.
     */
    public static <T> StatusRuntimeException withBadRequest(
            Status.Code code,
            String message,
            List<T> violations,
            Function<T, String> field,
            Function<T, String> description) {
        BadRequest.Builder details = BadRequest.newBuilder();
        int detailed = 0;
        while (detailed < Math.min(MAX_DETAILS, violations.size())
                && (detailed == 0 || details.build().getSerializedSize() < MAX_DETAIL_BYTES)) {
            T violation = violations.get(detailed++);
            details.addFieldViolations(BadRequest.FieldViolation.newBuilder()
                    .setField(bounded(field.apply(violation), MAX_NAME))
                    .setDescription(bounded(description.apply(violation), MAX_DESCRIPTION)));
        }
        if (violations.size() > detailed) {
            details.addFieldViolations(BadRequest.FieldViolation.newBuilder()
                    .setField(bounded(field.apply(violations.get(detailed)), MAX_NAME))
                    .setDescription("and " + (violations.size() - detailed) + " more problems like the ones above"));
        }
        return withDetails(Code.forNumber(code.value()), message, List.of(details.build()));
    }

    /**
     * NOT_FOUND with one google.rpc.ResourceInfo per missing resource (the first {@value #MAX_DETAILS}, fewer when they
     * pass {@value #MAX_DETAIL_BYTES} bytes).
     */
    public static StatusRuntimeException notFound(NotFoundException missing) {
        List<ResourceInfo> resources = new ArrayList<>();
        int bytes = 0;
        for (String name : missing.names()) {
            if (resources.size() == MAX_DETAILS || bytes >= MAX_DETAIL_BYTES) {
                break;
            }
            ResourceInfo resource = resource(missing.resourceType(), name, "does not exist");
            resources.add(resource);
            bytes += resource.getSerializedSize();
        }
        return withDetails(Code.NOT_FOUND, missing.getMessage(), resources);
    }

    /** ALREADY_EXISTS with a google.rpc.ResourceInfo naming the resource. */
    public static StatusRuntimeException alreadyExists(AlreadyExistsException taken) {
        return withDetails(
                Code.ALREADY_EXISTS,
                taken.getMessage(),
                List.of(resource(taken.resourceType(), taken.name(), "already exists")));
    }

    /**
     * ABORTED with a google.rpc.ErrorInfo (reason STALE_VERSION, metadata resource_type, resource_name,
     * expected_version and actual_version, "absent" when the resource does not exist) and a ResourceInfo.
     */
    public static StatusRuntimeException staleVersion(StaleVersionException stale) {
        ErrorInfo info = ErrorInfo.newBuilder()
                .setDomain(DOMAIN)
                .setReason(STALE_VERSION)
                .putMetadata("resource_type", stale.resourceType())
                .putMetadata("resource_name", bounded(stale.name(), MAX_NAME))
                .putMetadata("expected_version", Long.toString(stale.expected()))
                .putMetadata("actual_version", stale.actual() == null ? "absent" : Long.toString(stale.actual()))
                .build();
        return withDetails(
                Code.ABORTED,
                stale.getMessage(),
                List.of(info, resource(stale.resourceType(), stale.name(), "changed by another writer")));
    }

    /** ABORTED with a google.rpc.ErrorInfo (reason CONCURRENT_UPDATE): a concurrent writer won; retry. */
    public static StatusRuntimeException concurrentUpdate(String message) {
        return withDetails(
                Code.ABORTED,
                message,
                List.of(ErrorInfo.newBuilder()
                        .setDomain(DOMAIN)
                        .setReason(CONCURRENT_UPDATE)
                        .build()));
    }

    /** A status with {@code code}, {@code message} and the given google.rpc details, in order. */
    public static StatusRuntimeException withDetails(Code code, String message, List<? extends Message> details) {
        com.google.rpc.Status.Builder status =
                com.google.rpc.Status.newBuilder().setCode(code.getNumber()).setMessage(bounded(message, MAX_MESSAGE));
        details.forEach(detail -> status.addDetails(Any.pack(detail)));
        return StatusProto.toStatusRuntimeException(status.build());
    }

    /** {@code text} cut to {@code max} characters, saying how long it was. */
    public static String bounded(String text, int max) {
        return text == null || text.length() <= max
                ? text
                : text.substring(0, max) + "...(" + text.length() + " chars)";
    }

    private static ResourceInfo resource(String type, String name, String description) {
        return ResourceInfo.newBuilder()
                .setResourceType(type)
                .setResourceName(bounded(name, MAX_NAME))
                .setDescription(description)
                .build();
    }
}
