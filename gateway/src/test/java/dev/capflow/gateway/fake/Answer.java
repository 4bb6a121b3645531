package dev.capflow.gateway.fake;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import dev.capflow.errors.StaleVersionException;
import dev.capflow.grpc.errors.GrpcStatuses;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One scripted answer of the fake ingest service: messages to send, or an error, after an optional delay, once its
 * {@code release} completed (at once unless {@link #heldUntil} says otherwise).
 */
public record Answer<R>(List<R> replies, StatusRuntimeException error, Duration delay, CompletionStage<?> release) {

    public Answer(List<R> replies, StatusRuntimeException error, Duration delay) {
        this(replies, error, delay, CompletableFuture.completedFuture(null));
    }

    /** Answers these messages (one for a unary call, several for a stream), then completes. */
    @SafeVarargs
    public static <R> Answer<R> reply(R... replies) {
        return new Answer<>(List.of(replies), null, Duration.ZERO);
    }

    /** Fails the call with this status. */
    public static <R> Answer<R> fail(Status status) {
        return new Answer<>(List.of(), status.asRuntimeException(), Duration.ZERO);
    }

    /** Fails with INVALID_ARGUMENT carrying a google.rpc.BadRequest that names one field. */
    public static <R> Answer<R> invalidField(String field, String reason) {
        com.google.rpc.Status status = com.google.rpc.Status.newBuilder()
                .setCode(Code.INVALID_ARGUMENT_VALUE)
                .setMessage(field + " " + reason)
                .addDetails(Any.pack(BadRequest.newBuilder()
                        .addFieldViolations(BadRequest.FieldViolation.newBuilder()
                                .setField(field)
                                .setDescription(reason))
                        .build()))
                .build();
        return new Answer<>(List.of(), StatusProto.toStatusRuntimeException(status), Duration.ZERO);
    }

    /** Fails with ABORTED as every capflow service answers a stale version (ErrorInfo STALE_VERSION). */
    public static <R> Answer<R> staleVersion(String resourceType, String name, long actual, long expected) {
        return new Answer<>(
                List.of(),
                GrpcStatuses.staleVersion(new StaleVersionException(resourceType, name, actual, expected)),
                Duration.ZERO);
    }

    /** Fails with FAILED_PRECONDITION carrying a google.rpc.PreconditionFailure of one violation. */
    public static <R> Answer<R> failedPrecondition(String type, String subject, String description) {
        com.google.rpc.Status status = com.google.rpc.Status.newBuilder()
                .setCode(Code.FAILED_PRECONDITION_VALUE)
                .setMessage(subject + ": " + description)
                .addDetails(Any.pack(com.google.rpc.PreconditionFailure.newBuilder()
                        .addViolations(com.google.rpc.PreconditionFailure.Violation.newBuilder()
                                .setType(type)
                                .setSubject(subject)
                                .setDescription(description))
                        .build()))
                .build();
        return new Answer<>(List.of(), StatusProto.toStatusRuntimeException(status), Duration.ZERO);
    }

    /** The same answer, sent only after {@code wait}. */
    public Answer<R> after(Duration wait) {
        return new Answer<>(replies, error, wait, release);
    }

    /** The same answer, sent only once the test completes {@code release} (the call stays in flight until then). */
    public Answer<R> heldUntil(CompletionStage<?> release) {
        return new Answer<>(replies, error, delay, release);
    }
}
