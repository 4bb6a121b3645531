package dev.capflow.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.Message;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A request whose proto3 {@code string} field holds bytes that are not UTF-8 is a caller error: the running
 * {@code @QuarkusTest} application's gRPC server must refuse it with INVALID_ARGUMENT naming the request type and
 * saying a string field is not UTF-8 (grpc-java alone answers INTERNAL/UNKNOWN), and keep serving on the same
 * connection. The request is sent as raw bytes, since no protobuf-java client can build it.
 */
public final class MalformedRequestCheck {

    private static final long DEADLINE_SECONDS = 10;
    /** "N" then 0xC3 0x28: a two-byte sequence whose second byte is not a continuation byte. */
    private static final byte[] INVALID_UTF8 = {'N', (byte) 0xC3, (byte) 0x28};

    private MalformedRequestCheck() {}

    /**
     * Sends {@code method} a request (one message; a unary call, or a stream of one) whose string field is invalid
     * UTF-8, twice, then {@code valid} on the same connection, which must succeed. {@code fieldPath} numbers that
     * field: the string (or repeated string) field of the request itself, or the message fields from the request
     * inwards and then the string field.
     */
    public static <Q> void invalidUtf8IsRefused(MethodDescriptor<Q, ?> method, Q valid, int... fieldPath) {
        int port = ConfigProvider.getConfig().getValue("quarkus.grpc.server.test-port", Integer.class);
        ManagedChannel connection =
                NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
        try {
            Channel channel = BearerChannels.admin(connection);
            MethodDescriptor<byte[], byte[]> raw =
                    method.toBuilder(RawBytes.INSTANCE, RawBytes.INSTANCE).build();
            byte[] request = nested(fieldPath, INVALID_UTF8);
            for (int attempt = 1; attempt <= 2; attempt++) {
                StatusRuntimeException refused = catchThrowableOfType(
                        StatusRuntimeException.class,
                        () -> ClientCalls.blockingUnaryCall(channel, raw, options(), request));
                assertThat(refused)
                        .as("attempt %d: the call must fail", attempt)
                        .isNotNull();
                assertThat(refused.getStatus().getCode())
                        .as("attempt %d: %s", attempt, refused.getStatus())
                        .isEqualTo(Status.Code.INVALID_ARGUMENT);
                assertThat(refused.getStatus().getDescription())
                        .contains(requestType(method))
                        .contains("string field")
                        .contains("not UTF-8");
            }
            assertThat(ClientCalls.blockingUnaryCall(channel, method, options(), valid))
                    .as("a valid call on the same connection afterwards")
                    .isNotNull();
        } finally {
            connection.shutdownNow();
        }
    }

    private static CallOptions options() {
        return CallOptions.DEFAULT.withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS);
    }

    /** {@code value} in the last field of {@code fieldPath}, inside messages holding only the fields before it. */
    private static byte[] nested(int[] fieldPath, byte[] value) {
        byte[] message = value;
        for (int i = fieldPath.length - 1; i >= 0; i--) {
            message = lengthDelimitedField(fieldPath[i], message);
        }
        return message;
    }

    /** A message holding only field {@code number} (length-delimited) with {@code value}. */
    private static byte[] lengthDelimitedField(int number, byte[] value) {
        ByteString.Output out = ByteString.newOutput();
        CodedOutputStream coded = CodedOutputStream.newInstance(out);
        try {
            coded.writeByteArray(number, value);
            coded.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteString().toByteArray();
    }

    private static String requestType(MethodDescriptor<?, ?> method) {
        Object prototype =
                ((MethodDescriptor.PrototypeMarshaller<?>) method.getRequestMarshaller()).getMessagePrototype();
        return ((Message) prototype).getDescriptorForType().getFullName();
    }
}
