package dev.capflow.ingest.grpc;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import com.google.protobuf.UnknownFieldSet;
import com.google.protobuf.WireFormat;
import dev.capflow.ingest.domain.TickInput;
import dev.capflow.proto.ingest.v1.IngestTicksRequest;
import dev.capflow.proto.ingest.v1.Tick;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code capflow.ingest.v1.IngestTicksRequest} straight into a {@link TickBatch}, without protobuf-java's
 * generated messages and their builders (a Tick builder, a Timestamp and its builder per tick). It reads what the
 * generated parser reads, by the same {@link CodedInputStream} calls in the same order, so that a request gives the
 * same ticks and a broken one the same exception: a field of an unexpected wire type is an unknown field, unknown
 * fields are read (and dropped) by {@link UnknownFieldSet.Builder#mergeFieldFrom} as the generated parser reads them,
 * the last of a repeated scalar wins, a repeated {@code ts} is merged into the earlier one, and nesting counts towards
 * the recursion limit as protobuf's {@code readMessage} counts it.
 */
final class IngestTicksRequestReader {

    /** protobuf-java's default, which grpc-java's marshallers keep. */
    static final int RECURSION_LIMIT = 100;

    /** protobuf's text for a message that ends before its declared length (its factory is not public). */
    private static final String TRUNCATED =
            "While parsing a protocol message, the input ended unexpectedly in the middle"
                    + " of a field.  This could mean either that the input has been truncated or that an embedded message"
                    + " misreported its own length.";

    private static final int SEQUENCE = tag(IngestTicksRequest.SEQUENCE_FIELD_NUMBER, WireFormat.WIRETYPE_VARINT);
    private static final int TICKS = tag(IngestTicksRequest.TICKS_FIELD_NUMBER, WireFormat.WIRETYPE_LENGTH_DELIMITED);
    private static final int SYMBOL = tag(Tick.SYMBOL_FIELD_NUMBER, WireFormat.WIRETYPE_LENGTH_DELIMITED);
    private static final int TS = tag(Tick.TS_FIELD_NUMBER, WireFormat.WIRETYPE_LENGTH_DELIMITED);
    private static final int PRICE = tag(Tick.PRICE_FIELD_NUMBER, WireFormat.WIRETYPE_FIXED64);
    private static final int SIZE = tag(Tick.SIZE_FIELD_NUMBER, WireFormat.WIRETYPE_VARINT);
    private static final int SOURCE = tag(Tick.SOURCE_FIELD_NUMBER, WireFormat.WIRETYPE_LENGTH_DELIMITED);
    private static final int TRADE_ID = tag(Tick.TRADE_ID_FIELD_NUMBER, WireFormat.WIRETYPE_LENGTH_DELIMITED);
    private static final int SECONDS = tag(Timestamp.SECONDS_FIELD_NUMBER, WireFormat.WIRETYPE_VARINT);
    private static final int NANOS = tag(Timestamp.NANOS_FIELD_NUMBER, WireFormat.WIRETYPE_VARINT);

    private final CodedInputStream input;
    private final UnknownFieldSet.Builder unknownFields = UnknownFieldSet.newBuilder();
    /** The stream's recursion limit at the current nesting: one less inside each message than around it. */
    private int recursionLimit = RECURSION_LIMIT;
    /** The timestamp of the tick being read: a repeated {@code ts} merges into it, as into a builder. */
    private long tsSeconds;

    private int tsNanos;

    private IngestTicksRequestReader(CodedInputStream input) {
        this.input = input;
    }

    /** The request {@code input} holds, up to its end. */
    static TickBatch read(CodedInputStream input) throws IOException {
        input.setRecursionLimit(RECURSION_LIMIT);
        return new IngestTicksRequestReader(input).request();
    }

    private TickBatch request() throws IOException {
        long sequence = 0;
        List<TickInput> ticks = new ArrayList<>();
        for (int tag = input.readTag(); tag != 0; tag = input.readTag()) {
            if (tag == SEQUENCE) {
                sequence = input.readInt64();
            } else if (tag == TICKS) {
                ticks.add(tick());
            } else if (!unknownField(tag)) {
                break;
            }
        }
        input.checkLastTagWas(0);
        return new TickBatch(sequence, ticks);
    }

    private TickInput tick() throws IOException {
        int outerLimit = enterMessage();
        String symbol = "";
        String source = "";
        String tradeId = "";
        boolean hasTs = false;
        double price = 0;
        long size = 0;
        tsSeconds = 0;
        tsNanos = 0;
        for (int tag = input.readTag(); tag != 0; tag = input.readTag()) {
            if (tag == SYMBOL) {
                symbol = input.readStringRequireUtf8();
            } else if (tag == TS) {
                timestamp();
                hasTs = true;
            } else if (tag == PRICE) {
                price = input.readDouble();
            } else if (tag == SIZE) {
                size = input.readInt64();
            } else if (tag == SOURCE) {
                source = input.readStringRequireUtf8();
            } else if (tag == TRADE_ID) {
                tradeId = input.readStringRequireUtf8();
            } else if (!unknownField(tag)) {
                break;
            }
        }
        leaveMessage(outerLimit);
        return new TickInput(symbol, hasTs, tsSeconds, tsNanos, price, size, source, tradeId);
    }

    private void timestamp() throws IOException {
        int outerLimit = enterMessage();
        for (int tag = input.readTag(); tag != 0; tag = input.readTag()) {
            if (tag == SECONDS) {
                tsSeconds = input.readInt64();
            } else if (tag == NANOS) {
                tsNanos = input.readInt32();
            } else if (!unknownField(tag)) {
                break;
            }
        }
        leaveMessage(outerLimit);
    }

    /**
     * The start of a nested message, as {@code CodedInputStream.readMessage} reads it: its length, the recursion check,
     * its limit. The stream's recursion limit is lowered by one inside, which checks the nesting (and the groups of
     * unknown fields in it) exactly as the stream's own message depth would.
     */
    private int enterMessage() throws IOException {
        int length = input.readRawVarint32();
        input.checkRecursionLimit();
        int outerLimit = input.pushLimit(length);
        input.setRecursionLimit(--recursionLimit);
        return outerLimit;
    }

    /** The end of a nested message, as {@code readMessage} checks it: a length past the input's end is found here. */
    private void leaveMessage(int outerLimit) throws IOException {
        input.checkLastTagWas(0);
        input.setRecursionLimit(++recursionLimit);
        if (input.getBytesUntilLimit() != 0) {
            throw new InvalidProtocolBufferException(TRUNCATED);
        }
        input.popLimit(outerLimit);
    }

    /** Reads an unknown field as the generated parser does; false for an end-group tag, which ends the message. */
    private boolean unknownField(int tag) throws IOException {
        boolean more = unknownFields.mergeFieldFrom(tag, input);
        unknownFields.clear();
        return more;
    }

    private static int tag(int fieldNumber, int wireType) {
        return fieldNumber << 3 | wireType;
    }
}
