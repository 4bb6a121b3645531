package dev.capflow.grpc.parsing;

import com.google.protobuf.Message;
import io.grpc.BinaryLog;
import io.grpc.Channel;
import io.grpc.MethodDescriptor;
import io.grpc.ServerMethodDefinition;
import io.grpc.Status;
import io.grpc.protobuf.ProtoMethodDescriptorSupplier;
import java.io.InputStream;

/**
 * Makes every method of a server parse its requests inside {@link ParsingHandler}, so that a request protobuf-java
 * cannot parse (a proto3 string that is not UTF-8, a truncated message) is refused with INVALID_ARGUMENT. Left to
 * grpc-java, the parse failure escapes the call (ServerCallImpl) and the transport closes the stream with UNKNOWN or
 * INTERNAL, past every interceptor. grpc-java's only server-wide hook on method definitions that sees every call,
 * whatever registered the service, is the binary log's {@link #wrapMethodDefinition}; nothing is logged.
 */
public final class MalformedRequests extends BinaryLog {

    private static final MethodDescriptor.Marshaller<InputStream> UNPARSED = new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(InputStream value) {
            return value;
        }

        @Override
        public InputStream parse(InputStream stream) {
            return stream;
        }
    };

    @Override
    public <Q, A> ServerMethodDefinition<?, ?> wrapMethodDefinition(ServerMethodDefinition<Q, A> definition) {
        MethodDescriptor<Q, A> method = definition.getMethodDescriptor();
        MethodDescriptor<InputStream, A> unparsed =
                method.toBuilder(UNPARSED, method.getResponseMarshaller()).build();
        return ServerMethodDefinition.create(unparsed, new ParsingHandler<>(method, definition.getServerCallHandler()));
    }

    @Override
    public Channel wrapChannel(Channel channel) {
        return channel;
    }

    @Override
    public void close() {
        // nothing held
    }

    /** INVALID_ARGUMENT naming the request type and why it could not be read. */
    static Status refusal(MethodDescriptor<?, ?> method, Throwable failure) {
        return Status.INVALID_ARGUMENT.withDescription(
                "the request is not a valid " + requestType(method) + ": " + reason(failure));
    }

    /** The request message's protobuf name: its marshaller's prototype's, else its schema's (a marshaller of ours). */
    private static String requestType(MethodDescriptor<?, ?> method) {
        if (method.getRequestMarshaller() instanceof MethodDescriptor.PrototypeMarshaller<?> prototyped
                && prototyped.getMessagePrototype() instanceof Message prototype) {
            return prototype.getDescriptorForType().getFullName();
        }
        if (method.getSchemaDescriptor() instanceof ProtoMethodDescriptorSupplier schema) {
            return schema.getMethodDescriptor().getInputType().getFullName();
        }
        return method.getFullMethodName() + " request";
    }

    /** The innermost cause's message: protobuf-java's says what is wrong but not which field. */
    private static String reason(Throwable failure) {
        Throwable innermost = failure;
        while (innermost.getCause() != null) {
            innermost = innermost.getCause();
        }
        String message = innermost.getMessage() == null ? innermost.getClass().getSimpleName() : innermost.getMessage();
        return message.contains("UTF-8") ? "a string field holds bytes that are not UTF-8 (" + message + ")" : message;
    }
}
