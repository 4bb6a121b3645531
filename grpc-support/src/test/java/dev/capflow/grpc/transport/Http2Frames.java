package dev.capflow.grpc.transport;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Raw HTTP/2 client frames, written by hand as a client nobody here wrote would send them. */
final class Http2Frames {

    static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    static final byte DATA = 0x0;
    static final byte SETTINGS = 0x4;
    static final byte PING = 0x6;
    static final byte GOAWAY = 0x7;
    static final byte END_STREAM = 0x1;
    static final byte END_HEADERS = 0x4;
    static final byte ACK = 0x1;

    private Http2Frames() {}

    static byte[] frame(byte type, byte flags, int streamId, byte[] payload) {
        ByteArrayOutputStream frame = new ByteArrayOutputStream(9 + payload.length);
        frame.write(payload.length >>> 16);
        frame.write(payload.length >>> 8);
        frame.write(payload.length);
        frame.write(type);
        frame.write(flags);
        writeInt(frame, streamId);
        frame.writeBytes(payload);
        return frame.toByteArray();
    }

    static byte[] settings() {
        return frame(SETTINGS, (byte) 0, 0, new byte[0]);
    }

    static byte[] rstStream(int streamId, int errorCode) {
        ByteArrayOutputStream payload = new ByteArrayOutputStream(4);
        writeInt(payload, errorCode);
        return frame(IdleStreamResetFilter.RST_STREAM, (byte) 0, streamId, payload.toByteArray());
    }

    static byte[] ping(long data) {
        ByteArrayOutputStream payload = new ByteArrayOutputStream(8);
        writeInt(payload, (int) (data >>> 32));
        writeInt(payload, (int) data);
        return frame(PING, (byte) 0, 0, payload.toByteArray());
    }

    /** A gRPC request's HEADERS (HPACK literals without indexing or Huffman coding), ending the headers. */
    static byte[] requestHeaders(int streamId, String path) {
        ByteArrayOutputStream block = new ByteArrayOutputStream();
        literal(block, ":method", "POST");
        literal(block, ":scheme", "http");
        literal(block, ":path", path);
        literal(block, ":authority", "localhost");
        literal(block, "content-type", "application/grpc");
        literal(block, "te", "trailers");
        return frame(IdleStreamResetFilter.HEADERS, END_HEADERS, streamId, block.toByteArray());
    }

    /** An empty gRPC message (uncompressed, length 0) that ends the request. */
    static byte[] emptyMessage(int streamId) {
        return frame(DATA, END_STREAM, streamId, new byte[5]);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            joined.writeBytes(part);
        }
        return joined.toByteArray();
    }

    private static void literal(ByteArrayOutputStream block, String name, String value) {
        block.write(0x00);
        string(block, name);
        string(block, value);
    }

    private static void string(ByteArrayOutputStream block, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length >= 127) {
            throw new IllegalArgumentException("only short strings: " + text);
        }
        block.write(bytes.length);
        block.writeBytes(bytes);
    }

    private static void writeInt(ByteArrayOutputStream out, int value) {
        out.write(value >>> 24);
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
    }
}
