package dev.capflow.ingest.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.Timestamp;
import com.google.protobuf.UnknownFieldSet;
import com.google.protobuf.WireFormat;
import dev.capflow.ingest.domain.TickInput;
import dev.capflow.proto.ingest.v1.IngestServiceGrpc;
import dev.capflow.proto.ingest.v1.IngestTicksRequest;
import dev.capflow.proto.ingest.v1.Tick;
import io.grpc.KnownLength;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * {@link TickBatchMarshaller} reads every request, well-formed or broken, as the generated parser (through grpc-java's
 * protobuf marshaller) followed by the mapping of a Tick to a {@link TickInput} reads it: the same batch, or a failure
 * with the same status and the same protobuf exception. Requests are encoded by the generated classes and by hand
 * (fields out of order, repeated, of another wire type, unknown ones of every wire type), then broken.
 */
class IngestTicksRequestReaderTest {

    private static final String[] TEXTS = {"", "AAPL", " msft ", "brk.b", "Äpfel€", "😀x", "feed\0", "x".repeat(65)};
    /** A string of 140,000 bytes of UTF-8. */
    private static final String HUGE = "é".repeat(70_000);

    @Test
    void requestsEncodedByTheGeneratedClassesAreReadAsTheGeneratedParserReadsThem() {
        for (long seed = 0; seed < 400; seed++) {
            Random random = new Random(seed);
            IngestTicksRequest.Builder request = IngestTicksRequest.newBuilder();
            if (random.nextBoolean()) {
                request.setSequence(random.nextLong());
            }
            int ticks = random.nextInt(4) == 0 ? 0 : random.nextInt(40);
            for (int i = 0; i < ticks; i++) {
                request.addTicks(generatedTick(random));
            }
            if (random.nextInt(3) == 0) {
                request.setUnknownFields(unknownFields(random));
            }
            assertReadAlike(request.build().toByteArray());
        }
    }

    @Test
    void handWrittenRequestsWithFieldsOutOfOrderRepeatedOrOfAnotherWireTypeAreReadAlike() {
        for (long seed = 0; seed < 1_000; seed++) {
            assertReadAlike(handWrittenRequest(new Random(seed)));
        }
    }

    @Test
    void brokenRequestsFailAlike() {
        for (long seed = 0; seed < 1_000; seed++) {
            Random random = new Random(seed);
            byte[] valid = handWrittenRequest(random);
            assertReadAlike(broken(valid, random));
        }
        // every truncation of one request
        byte[] request = handWrittenRequest(new Random(42));
        for (int length = 0; length < request.length; length++) {
            assertReadAlike(Arrays.copyOf(request, length));
        }
    }

    @Test
    void edgeCasesAreReadAlike() {
        List<byte[]> edges = List.of(
                new byte[0],
                // a tag of field 0, wire types 6 and 7, an end-group tag at the top and inside a tick
                bytes(out -> out.writeUInt32NoTag(0)),
                bytes(out -> out.writeUInt32NoTag(3 << 3 | 6)),
                bytes(out -> out.writeUInt32NoTag(3 << 3 | 7)),
                bytes(out -> out.writeUInt32NoTag(5 << 3 | WireFormat.WIRETYPE_END_GROUP)),
                tickOf(bytes(out -> out.writeUInt32NoTag(9 << 3 | WireFormat.WIRETYPE_END_GROUP))),
                // a tick whose length is negative, or past the end
                bytes(out -> {
                    out.writeTag(IngestTicksRequest.TICKS_FIELD_NUMBER, WireFormat.WIRETYPE_LENGTH_DELIMITED);
                    out.writeUInt32NoTag(-1);
                }),
                bytes(out -> {
                    out.writeTag(IngestTicksRequest.TICKS_FIELD_NUMBER, WireFormat.WIRETYPE_LENGTH_DELIMITED);
                    out.writeUInt32NoTag(1_000);
                }),
                // a varint of eleven bytes
                bytes(out -> {
                    out.writeTag(IngestTicksRequest.SEQUENCE_FIELD_NUMBER, WireFormat.WIRETYPE_VARINT);
                    for (int i = 0; i < 10; i++) {
                        out.write((byte) 0x80);
                    }
                    out.write((byte) 1);
                }),
                // invalid UTF-8 in a tick's symbol, source and trade id
                tickOf(bytes(out -> out.writeByteArray(Tick.SYMBOL_FIELD_NUMBER, new byte[] {'N', (byte) 0xC3, 0x28}))),
                tickOf(bytes(out -> out.writeByteArray(Tick.SOURCE_FIELD_NUMBER, new byte[] {(byte) 0xFF}))),
                tickOf(bytes(out -> out.writeByteArray(
                        Tick.TRADE_ID_FIELD_NUMBER, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}))),
                // a ts sent empty, twice (merged), with negative and oversized nanos
                tickOf(bytes(out -> out.writeByteArray(Tick.TS_FIELD_NUMBER, new byte[0]))),
                tickOf(bytes(out -> {
                    out.writeMessage(
                            Tick.TS_FIELD_NUMBER,
                            Timestamp.newBuilder().setSeconds(7).build());
                    out.writeMessage(
                            Tick.TS_FIELD_NUMBER,
                            Timestamp.newBuilder().setNanos(-5).build());
                })),
                tickOf(bytes(out -> out.writeMessage(
                        Tick.TS_FIELD_NUMBER,
                        Timestamp.newBuilder()
                                .setSeconds(Long.MIN_VALUE)
                                .setNanos(Integer.MAX_VALUE)
                                .build()))),
                // size sent packed: an unknown field for a singular int64
                tickOf(bytes(out -> {
                    out.writeTag(Tick.SIZE_FIELD_NUMBER, WireFormat.WIRETYPE_LENGTH_DELIMITED);
                    out.writeUInt32NoTag(2);
                    out.writeUInt32NoTag(5);
                    out.writeUInt32NoTag(6);
                })));
        edges.forEach(IngestTicksRequestReaderTest::assertReadAlike);
    }

    @Test
    void groupsNestedUpToAndPastTheRecursionLimitFailAlike() {
        for (int depth = 95; depth <= 101; depth++) {
            byte[] groups = nestedGroups(depth);
            assertReadAlike(groups);
            assertReadAlike(tickOf(groups));
            assertReadAlike(tickOf(bytes(out -> out.writeByteArray(Tick.TS_FIELD_NUMBER, groups))));
        }
    }

    /** Reads {@code request} both ways and compares, through an array (known length) and through a stream. */
    private static void assertReadAlike(byte[] request) {
        for (Function<byte[], InputStream> stream :
                List.<Function<byte[], InputStream>>of(KnownLengthStream::new, ByteArrayInputStream::new)) {
            Object expected = readOrFailure(
                    () -> expectedBatch(IngestServiceGrpc.getIngestTicksMethod().parseRequest(stream.apply(request))));
            Object actual = readOrFailure(() -> TickBatchMarshaller.INGEST_TICKS.parseRequest(stream.apply(request)));
            assertThat(actual)
                    .as(() -> "request " + ByteString.copyFrom(request))
                    .isEqualTo(expected);
        }
    }

    /** What the service made of a request parsed by the generated parser. */
    private static TickBatch expectedBatch(IngestTicksRequest request) {
        return new TickBatch(
                request.getSequence(),
                request.getTicksList().stream()
                        .map(tick -> new TickInput(
                                tick.getSymbol(),
                                tick.hasTs(),
                                tick.getTs().getSeconds(),
                                tick.getTs().getNanos(),
                                tick.getPrice(),
                                tick.getSize(),
                                tick.getSource(),
                                tick.getTradeId()))
                        .toList());
    }

    /** The batch read, or what describes its failure: the status, and each cause's type and message. */
    private static Object readOrFailure(Supplier<TickBatch> read) {
        try {
            return read.get();
        } catch (StatusRuntimeException failure) {
            Status status = failure.getStatus();
            List<String> described = new ArrayList<>(List.of(status.getCode() + ": " + status.getDescription()));
            for (Throwable cause = status.getCause(); cause != null; cause = cause.getCause()) {
                described.add(cause.getClass().getName() + ": " + cause.getMessage());
            }
            return described;
        }
    }

    private static Tick generatedTick(Random random) {
        Tick.Builder tick = Tick.newBuilder();
        if (random.nextInt(4) > 0) {
            tick.setSymbol(text(random));
        }
        if (random.nextInt(5) > 0) {
            tick.setTs(Timestamp.newBuilder().setSeconds(seconds(random)).setNanos(nanos(random)));
        }
        tick.setPrice(price(random)).setSize(random.nextInt(3) == 0 ? 0 : random.nextLong());
        if (random.nextBoolean()) {
            tick.setSource(text(random)).setTradeId(text(random));
        }
        if (random.nextInt(4) == 0) {
            tick.setUnknownFields(unknownFields(random));
        }
        return tick.build();
    }

    private static byte[] handWrittenRequest(Random random) {
        List<byte[]> fields = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            long sequence = random.nextLong();
            fields.add(bytes(out -> out.writeInt64(IngestTicksRequest.SEQUENCE_FIELD_NUMBER, sequence)));
        }
        for (int i = random.nextInt(12); i > 0; i--) {
            fields.add(tickOf(handWrittenTick(random)));
        }
        return shuffledWithNoise(random, fields, 4, () -> IngestTicksRequest.TICKS_FIELD_NUMBER, 3);
    }

    private static byte[] handWrittenTick(Random random) {
        List<byte[]> fields = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            String symbol = text(random);
            fields.add(bytes(out -> out.writeString(Tick.SYMBOL_FIELD_NUMBER, symbol)));
        }
        for (int i = random.nextInt(3); i > 0; i--) {
            fields.add(bytes(out -> out.writeByteArray(Tick.TS_FIELD_NUMBER, handWrittenTimestamp(random))));
        }
        for (int i = random.nextInt(3); i > 0; i--) {
            double price = price(random);
            fields.add(bytes(out -> out.writeDouble(Tick.PRICE_FIELD_NUMBER, price)));
        }
        for (int i = random.nextInt(3); i > 0; i--) {
            long size = random.nextBoolean() ? random.nextInt(1_000) : random.nextLong();
            fields.add(bytes(out -> out.writeInt64(Tick.SIZE_FIELD_NUMBER, size)));
        }
        for (int field : new int[] {Tick.SOURCE_FIELD_NUMBER, Tick.TRADE_ID_FIELD_NUMBER}) {
            for (int i = random.nextInt(3); i > 0; i--) {
                String text = text(random);
                fields.add(bytes(out -> out.writeString(field, text)));
            }
        }
        return shuffledWithNoise(random, fields, 3, () -> 1 + random.nextInt(6), 3);
    }

    private static byte[] handWrittenTimestamp(Random random) {
        List<byte[]> fields = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            long seconds = seconds(random);
            fields.add(bytes(out -> out.writeInt64(Timestamp.SECONDS_FIELD_NUMBER, seconds)));
        }
        for (int i = random.nextInt(3); i > 0; i--) {
            int nanos = nanos(random);
            fields.add(bytes(out -> out.writeInt32(Timestamp.NANOS_FIELD_NUMBER, nanos)));
        }
        return shuffledWithNoise(random, fields, 4, () -> 1 + random.nextInt(2), 4);
    }

    /**
     * {@code fields} in a random order, one time in {@code wrongTypeOdds} with a field of {@code wrongTypeField} in a
     * wrong wire type added and one time in {@code unknownOdds} with unknown fields added.
     */
    private static byte[] shuffledWithNoise(
            Random random, List<byte[]> fields, int wrongTypeOdds, IntSupplier wrongTypeField, int unknownOdds) {
        if (random.nextInt(wrongTypeOdds) == 0) {
            fields.add(wrongWireType(random, wrongTypeField.getAsInt()));
        }
        if (random.nextInt(unknownOdds) == 0) {
            fields.add(unknownFields(random).toByteArray());
        }
        Collections.shuffle(fields, random);
        return concat(fields);
    }

    /** Field {@code number} with a wire type its declaration does not have (a scalar sent packed among them). */
    private static byte[] wrongWireType(Random random, int number) {
        return bytes(out -> {
            switch (random.nextInt(4)) {
                case 0 -> out.writeUInt64(number, random.nextLong());
                case 1 -> out.writeFixed32(number, random.nextInt());
                case 2 -> out.writeFixed64(number, random.nextLong());
                default -> {
                    out.writeTag(number, WireFormat.WIRETYPE_LENGTH_DELIMITED);
                    byte[] packed = bytes(inner -> inner.writeUInt64NoTag(random.nextLong()));
                    out.writeUInt32NoTag(packed.length);
                    out.writeRawBytes(packed);
                }
            }
        });
    }

    /** Unknown fields of every wire type, groups among them. */
    private static UnknownFieldSet unknownFields(Random random) {
        UnknownFieldSet.Builder fields = UnknownFieldSet.newBuilder();
        for (int i = 1 + random.nextInt(4); i > 0; i--) {
            int number = 7 + random.nextInt(1_000);
            UnknownFieldSet.Field.Builder field = UnknownFieldSet.Field.newBuilder();
            switch (random.nextInt(5)) {
                case 0 -> field.addVarint(random.nextLong());
                case 1 -> field.addFixed32(random.nextInt());
                case 2 -> field.addFixed64(random.nextLong());
                case 3 -> field.addLengthDelimited(ByteString.copyFromUtf8(text(random)));
                default ->
                    field.addGroup(random.nextBoolean() ? unknownFields(random) : UnknownFieldSet.getDefaultInstance());
            }
            fields.mergeField(number, field.build());
        }
        return fields.build();
    }

    /** {@code valid} broken one way or another (it may by chance stay valid). */
    private static byte[] broken(byte[] valid, Random random) {
        byte[] bytes = valid.clone();
        return switch (random.nextInt(4)) {
            case 0 -> Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
            case 1 -> {
                for (int i = 1 + random.nextInt(3); i > 0 && bytes.length > 0; i--) {
                    bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
                }
                yield bytes;
            }
            case 2 -> concat(List.of(bytes, new byte[] {(byte) random.nextInt(256)}));
            default -> {
                byte[] noise = new byte[random.nextInt(20)];
                random.nextBytes(noise);
                yield concat(List.of(bytes, noise));
            }
        };
    }

    private static byte[] nestedGroups(int depth) {
        return bytes(out -> {
            for (int i = 0; i < depth; i++) {
                out.writeTag(20, WireFormat.WIRETYPE_START_GROUP);
            }
            for (int i = 0; i < depth; i++) {
                out.writeTag(20, WireFormat.WIRETYPE_END_GROUP);
            }
        });
    }

    private static byte[] tickOf(byte[] tick) {
        return bytes(out -> out.writeByteArray(IngestTicksRequest.TICKS_FIELD_NUMBER, tick));
    }

    private static String text(Random random) {
        return random.nextInt(40) == 0 ? HUGE : TEXTS[random.nextInt(TEXTS.length)];
    }

    private static long seconds(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> 1_700_000_000L + random.nextInt(1_000_000);
            case 2 -> random.nextLong();
            default -> -random.nextInt(1_000_000_000);
        };
    }

    private static int nanos(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> random.nextInt(1_000_000_000);
            case 2 -> -random.nextInt(1_000_000_000);
            default -> random.nextInt();
        };
    }

    private static double price(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> random.nextInt(10_000_000) / 100.0;
            case 2 -> Double.longBitsToDouble(random.nextLong());
            default -> -0.0;
        };
    }

    @FunctionalInterface
    private interface Writing {
        void write(CodedOutputStream out) throws IOException;
    }

    private static byte[] bytes(Writing writing) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(buffer);
        try {
            writing.write(out);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    private static byte[] concat(List<byte[]> parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        parts.forEach(all::writeBytes);
        return all.toByteArray();
    }

    /** A request as grpc-java hands it over: of known length, so that it is copied into an array. */
    private static final class KnownLengthStream extends ByteArrayInputStream implements KnownLength {
        KnownLengthStream(byte[] bytes) {
            super(bytes);
        }
    }
}
