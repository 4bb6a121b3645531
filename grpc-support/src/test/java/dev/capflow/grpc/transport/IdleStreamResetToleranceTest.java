package dev.capflow.grpc.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Server;
import io.grpc.netty.InternalProtocolNegotiator;
import io.grpc.netty.InternalProtocolNegotiators;
import io.grpc.netty.NettyServerBuilder;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A real grpc-java Netty server and a client that writes the frames Python grpcio 1.51 writes when a call hits its
 * deadline before its HEADERS went out: a RST_STREAM for a stream id it never opened. Without the filter the server
 * closes the connection (GOAWAY PROTOCOL_ERROR); with it the connection carries on and answers the next call.
 */
class IdleStreamResetToleranceTest {

    private static final int PROTOCOL_ERROR = 0x1;

    @Test
    void withTheFilterTheConnectionOutlivesAResetOfAStreamNeverOpened() throws Exception {
        StrayResetExchange.Answer answer = exchange(
                new IdleStreamResetTolerance.FilteringNegotiator(InternalProtocolNegotiators.serverPlaintext()));

        assertThat(answer.closedTheConnection()).isFalse();
        assertThat(answer.answeredTheNextCall())
                .as("the call sent after the stray reset is answered")
                .isTrue();
        assertThat(answer.acknowledgedThePing()).isTrue();
    }

    @Test
    void withoutTheFilterTheServerClosesTheConnection() throws Exception {
        StrayResetExchange.Answer answer = exchange(InternalProtocolNegotiators.serverPlaintext());

        assertThat(answer.goAwayError())
                .as("the codec's answer to the stray reset (RFC 9113 §6.4)")
                .isEqualTo(PROTOCOL_ERROR);
        assertThat(answer.mentionsStreamFive()).isFalse();
    }

    private static StrayResetExchange.Answer exchange(InternalProtocolNegotiator.ProtocolNegotiator negotiator)
            throws Exception {
        Server server = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .protocolNegotiator(negotiator)
                .build()
                .start();
        try {
            return StrayResetExchange.with(server.getPort());
        } finally {
            server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
