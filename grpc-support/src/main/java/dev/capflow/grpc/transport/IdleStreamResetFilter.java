package dev.capflow.grpc.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Sits in a server connection's pipeline before the HTTP/2 codec and drops one kind of frame: a client's RST_STREAM for a
 * stream the client never opened (no HEADERS with that id or a higher one came first). RFC 9113 §6.4 makes such a
 * frame a connection error, so Netty's codec answers GOAWAY(PROTOCOL_ERROR) and closes the connection, failing every
 * other call on it with UNAVAILABLE. gRPC C-core clients (Python grpcio 1.51 among them) send it when a call is cancelled
 * or hits its deadline after it got its stream id but before its HEADERS were written; the frame resets a stream
 * nothing knows about, so dropping it loses nothing (a later HEADERS with a higher id closes the idle stream anyway).
 * <p>
 * Every other byte goes through unchanged and in order; only frame headers are read, a payload is never held back except
 * a RST_STREAM's own four bytes. A RST_STREAM of the wrong length, for stream 0 or an even id is passed on for the codec
 * to refuse as before.
 */
public final class IdleStreamResetFilter extends ByteToMessageDecoder {

    static final int PREFACE_LENGTH = 24;
    static final int FRAME_HEADER_LENGTH = 9;
    static final byte HEADERS = 0x1;
    static final byte RST_STREAM = 0x3;
    static final int RST_STREAM_LENGTH = 4;

    private static final Logger LOG = Logger.getLogger(IdleStreamResetFilter.class);

    private int prefaceLeft = PREFACE_LENGTH;
    /** Payload bytes of the current frame still to pass on. */
    private int payloadLeft;

    private int highestOpenedStreamId;
    private long dropped;

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        int runStart = in.readerIndex();
        while (in.isReadable()) {
            if (prefaceLeft > 0 || payloadLeft > 0) {
                passOn(in);
            } else if (in.readableBytes() < FRAME_HEADER_LENGTH) {
                break;
            } else if (isResetOfIdleStream(in)) {
                if (in.readableBytes() < FRAME_HEADER_LENGTH + RST_STREAM_LENGTH) {
                    break;
                }
                forward(in, runStart, out);
                drop(ctx, in);
                runStart = in.readerIndex();
            } else {
                startFrame(in);
            }
        }
        forward(in, runStart, out);
    }

    /** The frames dropped on this connection so far. */
    long dropped() {
        return dropped;
    }

    private void passOn(ByteBuf in) {
        if (prefaceLeft > 0) {
            int bytes = Math.min(prefaceLeft, in.readableBytes());
            in.skipBytes(bytes);
            prefaceLeft -= bytes;
        } else {
            int bytes = Math.min(payloadLeft, in.readableBytes());
            in.skipBytes(bytes);
            payloadLeft -= bytes;
        }
    }

    private boolean isResetOfIdleStream(ByteBuf in) {
        int header = in.readerIndex();
        int streamId = streamId(in, header);
        return in.getByte(header + 3) == RST_STREAM
                && in.getUnsignedMedium(header) == RST_STREAM_LENGTH
                && isClientStream(streamId)
                && streamId > highestOpenedStreamId;
    }

    private void startFrame(ByteBuf in) {
        int header = in.readerIndex();
        int streamId = streamId(in, header);
        if (in.getByte(header + 3) == HEADERS && isClientStream(streamId)) {
            highestOpenedStreamId = Math.max(highestOpenedStreamId, streamId);
        }
        payloadLeft = in.getUnsignedMedium(header);
        in.skipBytes(FRAME_HEADER_LENGTH);
    }

    private void drop(ChannelHandlerContext ctx, ByteBuf in) {
        int streamId = streamId(in, in.readerIndex());
        long errorCode = in.getUnsignedInt(in.readerIndex() + FRAME_HEADER_LENGTH);
        in.skipBytes(FRAME_HEADER_LENGTH + RST_STREAM_LENGTH);
        dropped++;
        LOG.debugf(
                "%s: dropped the client's RST_STREAM(stream %d, error %d) for a stream it never opened (highest: %d)",
                ctx.channel(), streamId, errorCode, highestOpenedStreamId);
    }

    private static void forward(ByteBuf in, int from, List<Object> out) {
        if (in.readerIndex() > from) {
            out.add(in.retainedSlice(from, in.readerIndex() - from));
        }
    }

    private static int streamId(ByteBuf in, int header) {
        return in.getInt(header + 5) & Integer.MAX_VALUE;
    }

    private static boolean isClientStream(int streamId) {
        return (streamId & 1) == 1;
    }
}
