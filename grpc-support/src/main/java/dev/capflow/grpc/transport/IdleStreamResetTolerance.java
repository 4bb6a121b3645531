package dev.capflow.grpc.transport;

import io.grpc.netty.GrpcHttp2ConnectionHandler;
import io.grpc.netty.InternalProtocolNegotiator;
import io.grpc.netty.InternalProtocolNegotiators;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerAdapter;
import io.netty.channel.ChannelHandlerContext;
import io.netty.util.AsciiString;
import io.quarkus.grpc.api.ServerBuilderCustomizer;
import io.quarkus.grpc.runtime.config.GrpcServerConfiguration;
import io.vertx.grpc.VertxServerBuilder;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Puts an {@link IdleStreamResetFilter} in front of the HTTP/2 codec of every plaintext connection of the separate
 * grpc-java server, through grpc-java's protocol negotiator (the only hook before the codec). With TLS the Vert.x
 * builder installs its own negotiator after the customizers, so there is no filter (no capflow port uses TLS; the
 * mesh or the ingress terminates it).
 */
@ApplicationScoped
public class IdleStreamResetTolerance implements ServerBuilderCustomizer<VertxServerBuilder> {

    @Override
    public void customize(GrpcServerConfiguration config, VertxServerBuilder builder) {
        if (config.isPlainTextEnabled()) {
            builder.nettyBuilder()
                    .protocolNegotiator(new FilteringNegotiator(InternalProtocolNegotiators.serverPlaintext()));
        }
    }

    /** grpc-java's plaintext negotiation, with the filter placed before where the gRPC handler will sit. */
    static final class FilteringNegotiator implements InternalProtocolNegotiator.ProtocolNegotiator {

        private final InternalProtocolNegotiator.ProtocolNegotiator plaintext;

        FilteringNegotiator(InternalProtocolNegotiator.ProtocolNegotiator plaintext) {
            this.plaintext = plaintext;
        }

        @Override
        public AsciiString scheme() {
            return plaintext.scheme();
        }

        @Override
        public ChannelHandler newHandler(GrpcHttp2ConnectionHandler grpcHandler) {
            ChannelHandler negotiation = plaintext.newHandler(grpcHandler);
            return new ChannelHandlerAdapter() {
                @Override
                public void handlerAdded(ChannelHandlerContext ctx) {
                    // the negotiation handler later replaces itself with the gRPC handler, which so stays after the
                    // filter
                    ctx.pipeline().addAfter(ctx.name(), null, negotiation);
                    ctx.pipeline().replace(this, null, new IdleStreamResetFilter());
                }
            };
        }

        @Override
        public void close() {
            plaintext.close();
        }
    }
}
