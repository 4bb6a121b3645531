package dev.capflow.grpc.transport;

import static dev.capflow.grpc.transport.Http2Frames.PREFACE;
import static dev.capflow.grpc.transport.Http2Frames.concat;
import static dev.capflow.grpc.transport.Http2Frames.emptyMessage;
import static dev.capflow.grpc.transport.Http2Frames.ping;
import static dev.capflow.grpc.transport.Http2Frames.requestHeaders;
import static dev.capflow.grpc.transport.Http2Frames.rstStream;
import static dev.capflow.grpc.transport.Http2Frames.settings;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.grpc.Server;
import io.grpc.netty.InternalProtocolNegotiators;
import io.grpc.netty.NettyServerBuilder;

/**
 * A real grpc-java Netty server and a client that writes the frames Python grpcio 1.51 writes when a call hits its
 * deadline before its HEADERS went out: a RST_STREAM for a stream id it never opened. Without the filter the server
 * closes the connection (GOAWAY PROTOCOL_ERROR); with it the connection carries on and answers the next call.
 */
class IdleStreamResetToleranceTest {

    /** A method the server does not have: its answer is a trailers-only HEADERS (UNIMPLEMENTED) ending the stream. */
    private static final String UNKNOWN_METHOD = "/capflow.test.v1.Nothing/Call";
    private static final int CANCEL = 0x8;
    private static final int PROTOCOL_ERROR = 0x1;

    @Test
    void withTheFilterTheConnectionOutlivesAResetOfAStreamNeverOpened() throws Exception {
        List<Frame> answer = exchange(new IdleStreamResetTolerance.FilteringNegotiator(
                InternalProtocolNegotiators.serverPlaintext()));

        assertThat(answer).noneMatch(frame -> frame.type() == Http2Frames.GOAWAY);
        assertThat(answer).as("the call on stream 5, sent after the stray reset, is answered to its trailers")
                .anyMatch(IdleStreamResetToleranceTest::endsStreamFive);
        assertThat(answer).as("the PING after it is acknowledged")
                .anyMatch(IdleStreamResetToleranceTest::acksOurPing);
    }

    @Test
    void withoutTheFilterTheServerClosesTheConnection() throws Exception {
        List<Frame> answer = exchange(InternalProtocolNegotiators.serverPlaintext());

        assertThat(answer).as("the codec's answer to the stray reset (RFC 9113 §6.4)")
                .anyMatch(frame -> frame.type() == Http2Frames.GOAWAY && frame.errorCode() == PROTOCOL_ERROR);
        assertThat(answer).noneMatch(frame -> frame.streamId() == 5);
    }

    /** Stream 1: a call; stream 3: reset, never opened; stream 5: another call; then a PING. */
    private static List<Frame> exchange(io.grpc.netty.InternalProtocolNegotiator.ProtocolNegotiator negotiator)
            throws Exception {
        Server server = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .protocolNegotiator(negotiator).build().start();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(concat(PREFACE, settings(),
                    requestHeaders(1, UNKNOWN_METHOD), emptyMessage(1),
                    rstStream(3, CANCEL),
                    requestHeaders(5, UNKNOWN_METHOD), emptyMessage(5),
                    ping(5)));
            socket.getOutputStream().flush();
            return readUntilAnsweredOrClosed(new DataInputStream(socket.getInputStream()));
        } finally {
            server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private record Frame(int type, int flags, int streamId, byte[] payload) {
        long errorCode() {
            // GOAWAY: last stream id, then the error code
            return payload.length >= 8 ? ((payload[4] & 0xffL) << 24 | (payload[5] & 0xff) << 16
                    | (payload[6] & 0xff) << 8 | (payload[7] & 0xff)) : -1;
        }
    }

    private static List<Frame> readUntilAnsweredOrClosed(DataInputStream in) throws IOException {
        List<Frame> frames = new ArrayList<>();
        while (true) {
            Frame frame;
            try {
                int length = in.readUnsignedByte() << 16 | in.readUnsignedByte() << 8 | in.readUnsignedByte();
                int type = in.readUnsignedByte();
                int flags = in.readUnsignedByte();
                int streamId = in.readInt() & Integer.MAX_VALUE;
                byte[] payload = new byte[length];
                in.readFully(payload);
                frame = new Frame(type, flags, streamId, payload);
            } catch (EOFException | SocketException closed) {
                return frames;
            }
            frames.add(frame);
            if (frames.stream().anyMatch(IdleStreamResetToleranceTest::endsStreamFive)
                    && frames.stream().anyMatch(IdleStreamResetToleranceTest::acksOurPing)) {
                return frames;
            }
        }
    }

    private static boolean endsStreamFive(Frame frame) {
        return frame.type() == IdleStreamResetFilter.HEADERS && frame.streamId() == 5
                && (frame.flags() & Http2Frames.END_STREAM) != 0;
    }

    private static boolean acksOurPing(Frame frame) {
        return frame.type() == Http2Frames.PING && (frame.flags() & Http2Frames.ACK) != 0
                && frame.payload().length == 8 && frame.payload()[7] == 5;
    }
}
