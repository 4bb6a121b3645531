package dev.capflow.ingest.grpc;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.capflow.proto.ingest.v1.IngestServiceGrpc;
import dev.capflow.proto.ingest.v1.IngestTicksResponse;
import io.grpc.KnownLength;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.Reference;
import java.lang.ref.WeakReference;
import java.util.List;

/**
 * The IngestTicks method with requests read by {@link IngestTicksRequestReader} instead of the generated parser. The
 * bytes reach the reader as grpc-java's protobuf marshaller hands them to protobuf (a message of known length up to
 * 4 MiB copied into a reused per-thread array, a larger one streamed), and a request that does not parse fails as
 * there: INTERNAL with protobuf's exception as its cause, which the server's malformed-request handling answers with
 * INVALID_ARGUMENT. The server only reads requests, so the marshaller writes none.
 */
final class TickBatchMarshaller implements MethodDescriptor.Marshaller<TickBatch> {

    /** IngestTicks as the generated descriptor declares it (name, type, schema), its requests read into batches. */
    static final MethodDescriptor<TickBatch, IngestTicksResponse> INGEST_TICKS =
            IngestServiceGrpc.getIngestTicksMethod().toBuilder(
                            new TickBatchMarshaller(),
                            IngestServiceGrpc.getIngestTicksMethod().getResponseMarshaller())
                    .build();

    /** grpc-java's limit for copying a request into an array (its DEFAULT_MAX_MESSAGE_SIZE). */
    private static final int MAX_COPIED = 4 * 1024 * 1024;

    private static final TickBatch EMPTY = new TickBatch(0, List.of());
    private static final ThreadLocal<Reference<byte[]>> BUFFERS = new ThreadLocal<>();

    private TickBatchMarshaller() {}

    @Override
    public InputStream stream(TickBatch batch) {
        throw new UnsupportedOperationException("IngestTicks requests are only read by this service");
    }

    @Override
    public TickBatch parse(InputStream stream) {
        CodedInputStream input;
        try {
            int size = stream instanceof KnownLength ? stream.available() : -1;
            if (size == 0) {
                return EMPTY;
            }
            input = size > 0 && size <= MAX_COPIED
                    ? CodedInputStream.newInstance(copied(stream, size), 0, size)
                    : CodedInputStream.newInstance(stream);
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
        input.setSizeLimit(Integer.MAX_VALUE);
        try {
            return IngestTicksRequestReader.read(input);
        } catch (InvalidProtocolBufferException e) {
            throw unparsable(e);
        } catch (IOException e) {
            // as the generated parser wraps a failing stream's exception
            throw unparsable(new InvalidProtocolBufferException(e));
        }
    }

    private static RuntimeException unparsable(InvalidProtocolBufferException e) {
        return Status.INTERNAL
                .withDescription("Invalid protobuf byte sequence")
                .withCause(e)
                .asRuntimeException();
    }

    /** The first {@code size} bytes of the returned array are the stream's. */
    private static byte[] copied(InputStream stream, int size) throws IOException {
        Reference<byte[]> held = BUFFERS.get();
        byte[] buffer = held == null ? null : held.get();
        if (buffer == null || buffer.length < size) {
            buffer = new byte[size];
            BUFFERS.set(new WeakReference<>(buffer));
        }
        int read = stream.readNBytes(buffer, 0, size);
        if (read != size) {
            throw new RuntimeException("size inaccurate: " + size + " != " + read);
        }
        return buffer;
    }
}
