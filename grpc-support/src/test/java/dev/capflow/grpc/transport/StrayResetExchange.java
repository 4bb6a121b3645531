package dev.capflow.grpc.transport;

import static dev.capflow.grpc.transport.Http2Frames.PREFACE;
import static dev.capflow.grpc.transport.Http2Frames.concat;
import static dev.capflow.grpc.transport.Http2Frames.emptyMessage;
import static dev.capflow.grpc.transport.Http2Frames.ping;
import static dev.capflow.grpc.transport.Http2Frames.requestHeaders;
import static dev.capflow.grpc.transport.Http2Frames.rstStream;
import static dev.capflow.grpc.transport.Http2Frames.settings;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;

/**
 * What Python grpcio 1.51 does when a call hits its deadline before its HEADERS went out, on a raw connection to a
 * gRPC port: stream 1 a call, stream 3 only a RST_STREAM (never opened), stream 5 another call, then a PING; and the
 * server's frames until stream 5 is answered and the PING acknowledged, or until the server closes the connection.
 * Shared with the services' tests (this module's test-jar).
 */
public final class StrayResetExchange {

    /** A method no server has: its answer is a trailers-only HEADERS (UNIMPLEMENTED) that ends the stream. */
    private static final String UNKNOWN_METHOD = "/capflow.test.v1.Nothing/Call";

    private static final int CANCEL = 0x8;
    private static final long PING_DATA = 5;

    /** The server's answer. */
    public record Answer(List<Frame> frames) {

        /** The server sent GOAWAY (it closes the connection). */
        public boolean closedTheConnection() {
            return frames.stream().anyMatch(frame -> frame.type() == Http2Frames.GOAWAY);
        }

        /** The error code of the server's GOAWAY, -1 without one. */
        public long goAwayError() {
            return frames.stream()
                    .filter(frame -> frame.type() == Http2Frames.GOAWAY)
                    .mapToLong(Frame::goAwayError)
                    .findFirst()
                    .orElse(-1);
        }

        /** The call on stream 5, sent after the stray reset, was answered to its end. */
        public boolean answeredTheNextCall() {
            return frames.stream().anyMatch(Frame::endsStreamFive);
        }

        /** The PING sent last was acknowledged. */
        public boolean acknowledgedThePing() {
            return frames.stream().anyMatch(Frame::acksOurPing);
        }

        public boolean mentionsStreamFive() {
            return frames.stream().anyMatch(frame -> frame.streamId() == 5);
        }
    }

    /** One frame the server sent. */
    public record Frame(int type, int flags, int streamId, byte[] payload) {

        long goAwayError() {
            // GOAWAY: the last stream id, then the error code
            return (payload[4] & 0xffL) << 24
                    | (payload[5] & 0xff) << 16
                    | (payload[6] & 0xff) << 8
                    | payload[7] & 0xff;
        }

        boolean endsStreamFive() {
            return type == IdleStreamResetFilter.HEADERS && streamId == 5 && (flags & Http2Frames.END_STREAM) != 0;
        }

        boolean acksOurPing() {
            return type == Http2Frames.PING
                    && (flags & Http2Frames.ACK) != 0
                    && payload.length == 8
                    && payload[7] == PING_DATA;
        }
    }

    private StrayResetExchange() {}

    public static Answer with(int port) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write(concat(
                            PREFACE,
                            settings(),
                            requestHeaders(1, UNKNOWN_METHOD),
                            emptyMessage(1),
                            rstStream(3, CANCEL),
                            requestHeaders(5, UNKNOWN_METHOD),
                            emptyMessage(5),
                            ping(PING_DATA)));
            socket.getOutputStream().flush();
            return new Answer(readUntilAnsweredOrClosed(new DataInputStream(socket.getInputStream())));
        }
    }

    private static List<Frame> readUntilAnsweredOrClosed(DataInputStream in) throws IOException {
        List<Frame> frames = new ArrayList<>();
        while (true) {
            try {
                int length = in.readUnsignedByte() << 16 | in.readUnsignedByte() << 8 | in.readUnsignedByte();
                int type = in.readUnsignedByte();
                int flags = in.readUnsignedByte();
                int streamId = in.readInt() & Integer.MAX_VALUE;
                byte[] payload = new byte[length];
                in.readFully(payload);
                frames.add(new Frame(type, flags, streamId, payload));
            } catch (EOFException | SocketException closed) {
                return frames;
            }
            Answer answer = new Answer(frames);
            if (answer.answeredTheNextCall() && answer.acknowledgedThePing()) {
                return frames;
            }
        }
    }
}
