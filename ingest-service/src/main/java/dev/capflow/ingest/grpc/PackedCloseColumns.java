package dev.capflow.ingest.grpc;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.UnknownFieldSet;
import com.google.protobuf.UnsafeByteOperations;
import com.google.protobuf.WireFormat;
import dev.capflow.ingest.domain.CloseSeries;
import dev.capflow.proto.ingest.v1.CloseColumns;
import dev.capflow.proto.ingest.v1.StreamBarsResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A StreamBars piece's {@code closes} (a {@link CloseColumns}) written straight from a {@link CloseSeries}: the same
 * bytes the generated message writes, but the closes copied as one block (a packed {@code repeated double} is its
 * values as little-endian 8-byte words) instead of one element at a time through a builder and again through its
 * serializer. The bytes ride in the piece as its field 4, unknown to the builder: on the wire it is the known field.
 */
final class PackedCloseColumns {

    private PackedCloseColumns() {}

    /** Sets {@code piece}'s closes to the dates and closes {@code [from, to)} of {@code series}. */
    static void fill(StreamBarsResponse.Builder piece, CloseSeries series, int from, int to) {
        piece.setUnknownFields(UnknownFieldSet.newBuilder()
                .addField(
                        StreamBarsResponse.CLOSES_FIELD_NUMBER,
                        UnknownFieldSet.Field.newBuilder()
                                .addLengthDelimited(encode(series, from, to))
                                .build())
                .build());
    }

    /** The serialized CloseColumns of the dates and closes {@code [from, to)} of {@code series}. */
    static ByteString encode(CloseSeries series, int from, int to) {
        int count = to - from;
        if (count == 0) {
            return ByteString.EMPTY; // proto3 writes no empty packed field
        }
        int[] epochDays = series.epochDays();
        int daysBytes = 0;
        for (int i = from; i < to; i++) {
            daysBytes += CodedOutputStream.computeInt32SizeNoTag(epochDays[i]);
        }
        int closesBytes = count * Double.BYTES;
        int closesStart = CodedOutputStream.computeTagSize(CloseColumns.EPOCH_DAYS_FIELD_NUMBER)
                + CodedOutputStream.computeUInt32SizeNoTag(daysBytes)
                + daysBytes
                + CodedOutputStream.computeTagSize(CloseColumns.CLOSES_FIELD_NUMBER)
                + CodedOutputStream.computeUInt32SizeNoTag(closesBytes);
        byte[] bytes = new byte[closesStart + closesBytes];
        CodedOutputStream out = CodedOutputStream.newInstance(bytes, 0, closesStart);
        try {
            out.writeTag(CloseColumns.EPOCH_DAYS_FIELD_NUMBER, WireFormat.WIRETYPE_LENGTH_DELIMITED);
            out.writeUInt32NoTag(daysBytes);
            for (int i = from; i < to; i++) {
                out.writeInt32NoTag(epochDays[i]);
            }
            out.writeTag(CloseColumns.CLOSES_FIELD_NUMBER, WireFormat.WIRETYPE_LENGTH_DELIMITED);
            out.writeUInt32NoTag(closesBytes);
            out.checkNoSpaceLeft();
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible); // an array sized above cannot overflow
        }
        ByteBuffer.wrap(bytes, closesStart, closesBytes)
                .order(ByteOrder.LITTLE_ENDIAN)
                .asDoubleBuffer()
                .put(series.closes(), from, count);
        return UnsafeByteOperations.unsafeWrap(bytes);
    }
}
