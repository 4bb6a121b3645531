package dev.capflow.grpc.transport;

import static dev.capflow.grpc.transport.Http2Frames.PREFACE;
import static dev.capflow.grpc.transport.Http2Frames.concat;
import static dev.capflow.grpc.transport.Http2Frames.emptyMessage;
import static dev.capflow.grpc.transport.Http2Frames.ping;
import static dev.capflow.grpc.transport.Http2Frames.requestHeaders;
import static dev.capflow.grpc.transport.Http2Frames.rstStream;
import static dev.capflow.grpc.transport.Http2Frames.settings;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The filter passes every byte of a client's connection on except a RST_STREAM for a stream it never opened. */
class IdleStreamResetFilterTest {

    private static final int CANCEL = 0x8;
    private static final String PATH = "/capflow.ingest.v1.IngestService/GetBars";

    @Test
    void aResetOfAStreamTheClientNeverOpenedIsDroppedAndNothingElse() {
        byte[] opening = concat(PREFACE, settings(), requestHeaders(1, PATH), emptyMessage(1));
        byte[] idleReset = rstStream(3, CANCEL);
        byte[] rest = concat(requestHeaders(5, PATH), rstStream(5, CANCEL), ping(42));

        Filtered filtered = feed(concat(opening, idleReset, rest), Integer.MAX_VALUE);

        assertThat(filtered.bytes()).isEqualTo(concat(opening, rest));
        assertThat(filtered.dropped()).isEqualTo(1);
    }

    @Test
    void theSameBytesComeOutWhateverPiecesTheyArriveIn() {
        byte[] opening = concat(PREFACE, settings(), requestHeaders(1, PATH), emptyMessage(1));
        byte[] rest = concat(rstStream(1, CANCEL), requestHeaders(7, PATH), ping(7));
        byte[] input = concat(opening, rstStream(5, CANCEL), rest);

        for (int piece = 1; piece <= input.length; piece++) {
            Filtered filtered = feed(input, piece);
            assertThat(filtered.bytes()).as("in pieces of %d bytes", piece).isEqualTo(concat(opening, rest));
            assertThat(filtered.dropped()).as("in pieces of %d bytes", piece).isEqualTo(1);
        }
    }

    @Test
    void resetsOfStreamsThatExistedOrThatTheCodecMustRefuseGoThrough() {
        byte[] input = concat(
                PREFACE,
                settings(),
                requestHeaders(9, PATH),
                rstStream(3, CANCEL), // lower than an opened stream: implicitly closed, the codec accepts it
                rstStream(9, CANCEL), // the opened stream itself
                rstStream(0, CANCEL), // stream 0: the codec's connection error, as before
                rstStream(12, CANCEL)); // a server-initiated id: the codec's business too

        Filtered filtered = feed(input, Integer.MAX_VALUE);

        assertThat(filtered.bytes()).isEqualTo(input);
        assertThat(filtered.dropped()).isZero();
    }

    @Test
    void aPayloadThatLooksLikeAResetIsNotAFrame() {
        // a DATA frame whose payload is a RST_STREAM frame's bytes: only frame headers are read, payloads pass
        byte[] input = concat(
                PREFACE,
                settings(),
                requestHeaders(1, PATH),
                Http2Frames.frame(Http2Frames.DATA, Http2Frames.END_STREAM, 1, rstStream(99, CANCEL)));

        assertThat(feed(input, 3).bytes()).isEqualTo(input);
    }

    private record Filtered(byte[] bytes, long dropped) {}

    private static Filtered feed(byte[] input, int pieceSize) {
        IdleStreamResetFilter filter = new IdleStreamResetFilter();
        EmbeddedChannel channel = new EmbeddedChannel(filter);
        for (int from = 0; from < input.length; from += pieceSize) {
            channel.writeInbound(
                    Unpooled.wrappedBuffer(Arrays.copyOfRange(input, from, Math.min(input.length, from + pieceSize))));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (ByteBuf read = channel.readInbound(); read != null; read = channel.readInbound()) {
            byte[] bytes = new byte[read.readableBytes()];
            read.readBytes(bytes);
            read.release();
            out.writeBytes(bytes);
        }
        long dropped = filter.dropped();
        channel.finishAndReleaseAll();
        return new Filtered(out.toByteArray(), dropped);
    }
}
