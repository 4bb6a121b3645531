package dev.capflow.ingest.grpc;

import com.google.protobuf.Message;
import dev.capflow.validation.InvalidRequestException;

/**
 * A unary answer must fit the 4 MiB a gRPC client accepts by default: a larger one would reach the caller as the
 * client's own RESOURCE_EXHAUSTED ("Received message larger than max"), which names nothing it can change. The
 * service refuses it instead, naming the window and the streaming RPC that carries any size.
 */
final class UnaryAnswerSize {

    /** gRPC's default maximum inbound message size. */
    static final int CLIENT_DEFAULT_LIMIT = 4 * 1024 * 1024;

    private UnaryAnswerSize() {}

    /** {@code answer} when it fits, else an INVALID_ARGUMENT naming {@code field}. */
    static <T extends Message> T checked(T answer, int bars, String field) {
        int size = answer.getSerializedSize();
        if (size > CLIENT_DEFAULT_LIMIT) {
            throw new InvalidRequestException(
                    field,
                    "the answer would hold " + bars + " bars in " + size + " bytes, over the " + CLIENT_DEFAULT_LIMIT
                            + " bytes a gRPC client accepts by default: narrow the window (from, to) or read it with"
                            + " StreamBars, which sends any history in pieces");
        }
        return answer;
    }
}
