package dev.capflow.grpc.idempotency;

import com.google.protobuf.Descriptors;
import com.google.protobuf.DiscardUnknownFieldsParser;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import dev.capflow.errors.AlreadyExistsException;
import dev.capflow.grpc.errors.GrpcStatuses;
import dev.capflow.validation.InvalidRequestException;
import io.grpc.StatusRuntimeException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A create's client request id (its {@code request_id} field, REST's Idempotency-Key header) with a digest of what it
 * asked for: the RPC and every other field of the request. A retry with the same id and the same digest is answered
 * with the first answer; the same id with another digest is {@link #reusedFor() refused}.
 *
 * @param requestId the client's id: 1 to 128 printable ASCII characters
 * @param digest    hex SHA-256 of the RPC's full name and the request without its request_id
 */
public record IdempotencyKey(String requestId, String digest) {

    public static final int MAX_LENGTH = 128;
    private static final Pattern PRINTABLE = Pattern.compile("[\\x21-\\x7e]{1," + MAX_LENGTH + "}");

    /** The key of a create request, or empty when its request_id is empty (no idempotency asked for). */
    public static Optional<IdempotencyKey> of(Message request) {
        Descriptors.Descriptor type = request.getDescriptorForType();
        Descriptors.FieldDescriptor field = type.findFieldByName("request_id");
        String requestId = (String) request.getField(field);
        if (requestId.isEmpty()) {
            return Optional.empty();
        }
        if (!PRINTABLE.matcher(requestId).matches()) {
            throw new InvalidRequestException(
                    "request_id",
                    "must be 1 to " + MAX_LENGTH + " printable ASCII characters without spaces (a UUID, for example)");
        }
        byte[] body = withoutUnknownFields(request).toBuilder()
                .clearField(field)
                .build()
                .toByteArray();
        return Optional.of(new IdempotencyKey(requestId, digest(type.getFullName(), body)));
    }

    /** The answer to a reuse of this id for a different request: ALREADY_EXISTS with a ResourceInfo naming the id. */
    public StatusRuntimeException reusedFor() {
        return GrpcStatuses.alreadyExists(new AlreadyExistsException(
                "request_id",
                requestId,
                "request_id " + requestId
                        + " was already used for a different request; use a new request_id for a new create"));
    }

    /**
     * {@code request} without the fields this server does not know, at any depth: they change nothing it does, so a
     * retry that carries them (a newer client, a proxy that keeps them) is the same request.
     */
    private static Message withoutUnknownFields(Message request) {
        try {
            return DiscardUnknownFieldsParser.wrap(request.getParserForType()).parseFrom(request.toByteString());
        } catch (InvalidProtocolBufferException impossible) {
            throw new IllegalStateException("a parsed request no longer parses", impossible);
        }
    }

    private static String digest(String rpc, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(rpc.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return HexFormat.of().formatHex(sha.digest(body));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is part of every JVM", impossible);
        }
    }
}
