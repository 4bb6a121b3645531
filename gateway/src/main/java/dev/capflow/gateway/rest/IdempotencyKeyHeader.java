package dev.capflow.gateway.rest;

import dev.capflow.gateway.request.InvalidFieldsException;
import java.util.regex.Pattern;

/**
 * The {@value #NAME} request header of the create routes, relayed as the create's gRPC {@code request_id}: a retry
 * with the same key and body is answered as the first request and stores nothing new; the same key with another body
 * is 409 naming the key.
 */
public final class IdempotencyKeyHeader {

    public static final String NAME = "Idempotency-Key";
    /** OpenAPI text of the header. */
    public static final String DOC =
            "A client request id (a UUID, for example; 1 to 128 printable ASCII characters): a "
                    + "retry with the same key and body gets the first answer and creates nothing new; the same key with "
                    + "another body is 409. Keys are remembered for 7 days.";

    private static final Pattern PRINTABLE = Pattern.compile("[\\x21-\\x7e]{1,128}");

    private IdempotencyKeyHeader() {}

    /** The request_id to send: "" without the header; a malformed key is a 400 naming the header. */
    public static String requestId(String header) {
        if (header == null) {
            return "";
        }
        if (!PRINTABLE.matcher(header).matches()) {
            throw new InvalidFieldsException(NAME, "must be 1 to 128 printable ASCII characters without spaces");
        }
        return header;
    }
}
