package dev.capflow.ingest.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.capflow.ingest.domain.CloseSeries;
import dev.capflow.proto.ingest.v1.Adjustment;
import dev.capflow.proto.ingest.v1.CloseColumns;
import dev.capflow.proto.ingest.v1.StreamBarsResponse;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The closes written in one block are byte for byte what the generated CloseColumns writes element by element. */
class PackedCloseColumnsTest {

    /** The generated encoding, one element at a time (what StreamBars wrote before). */
    private static CloseColumns generated(CloseSeries series, int from, int to) {
        CloseColumns.Builder columns = CloseColumns.newBuilder();
        for (int i = from; i < to; i++) {
            columns.addEpochDays(series.epochDays()[i]).addCloses(series.closes()[i]);
        }
        return columns.build();
    }

    private static StreamBarsResponse.Builder piece() {
        return StreamBarsResponse.newBuilder().setSymbol("AAPL").setAdjustment(Adjustment.ADJUSTMENT_SPLIT);
    }

    @Test
    void aPieceRoundTripsAndIsTheGeneratedPieceByteForByte() throws InvalidProtocolBufferException {
        CloseSeries series =
                new CloseSeries("AAPL", new int[] {20_088, 20_089, 20_090}, new double[] {187.5, 0.1, 1e300});
        StreamBarsResponse.Builder packed = piece();
        PackedCloseColumns.fill(packed, series, 1, 3);

        byte[] wire = packed.build().toByteArray();
        assertThat(wire)
                .isEqualTo(piece().setCloses(generated(series, 1, 3)).build().toByteArray());
        StreamBarsResponse read = StreamBarsResponse.parseFrom(wire);
        assertThat(read.getSymbol()).isEqualTo("AAPL");
        assertThat(read.getCloses().getEpochDaysList()).containsExactly(20_089, 20_090);
        assertThat(read.getCloses().getClosesList()).containsExactly(0.1, 1e300);
        assertThat(read.getUnknownFields().asMap()).isEmpty();
    }

    @Test
    void anEmptyPieceStillCarriesItsEmptyColumns() throws InvalidProtocolBufferException {
        StreamBarsResponse.Builder packed = piece();
        PackedCloseColumns.fill(packed, CloseSeries.empty("AAPL"), 0, 0);

        byte[] wire = packed.build().toByteArray();
        assertThat(wire)
                .isEqualTo(piece().setCloses(CloseColumns.getDefaultInstance())
                        .build()
                        .toByteArray());
        StreamBarsResponse read = StreamBarsResponse.parseFrom(wire);
        assertThat(read.hasCloses()).isTrue();
        assertThat(read.getCloses().getEpochDaysCount()).isZero();
        assertThat(read.getCloses().getClosesCount()).isZero();
    }

    /** NaN and infinities pass with their bits, as the generated encoding does, so a reader refuses them as before. */
    @Test
    void nonFiniteClosesKeepTheirBitsForTheReaderToRefuse() throws InvalidProtocolBufferException {
        double otherNaN = Double.longBitsToDouble(0x7ff8_0000_0000_0001L);
        CloseSeries series = new CloseSeries("AAPL", new int[] {1, 2, 3, 4}, new double[] {
            Double.NaN, otherNaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY
        });

        assertThat(PackedCloseColumns.encode(series, 0, 4).toByteArray())
                .isEqualTo(generated(series, 0, 4).toByteArray());
        CloseColumns read = CloseColumns.parseFrom(PackedCloseColumns.encode(series, 0, 4));
        assertThat(Double.doubleToRawLongBits(read.getCloses(0))).isEqualTo(Double.doubleToRawLongBits(Double.NaN));
        assertThat(Double.doubleToRawLongBits(read.getCloses(1))).isEqualTo(0x7ff8_0000_0000_0001L);
        assertThat(read.getCloses(2)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(read.getCloses(3)).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    /** A large slice, dates before 1970 (ten-byte varints) and after, random closes: identical bytes and values. */
    @Test
    void aLargeSliceWithDatesBefore1970IsTheGeneratedEncoding() throws InvalidProtocolBufferException {
        int size = 1_000_000;
        int[] days = new int[size];
        double[] closes = new double[size];
        Random random = new Random(17);
        for (int i = 0; i < size; i++) {
            days[i] = -200_000 + i;
            closes[i] = random.nextDouble() * 1_000;
        }
        CloseSeries series = new CloseSeries("BIG", days, closes);

        byte[] packed = PackedCloseColumns.encode(series, 123, size - 45).toByteArray();
        assertThat(packed).isEqualTo(generated(series, 123, size - 45).toByteArray());
        CloseColumns read = CloseColumns.parseFrom(packed);
        assertThat(read.getEpochDaysCount()).isEqualTo(size - 45 - 123);
        assertThat(read.getEpochDays(0)).isEqualTo(-200_000 + 123);
        assertThat(read.getEpochDays(read.getEpochDaysCount() - 1)).isEqualTo(-200_000 + size - 46);
        for (int i = 0; i < read.getClosesCount(); i += 997) {
            assertThat(read.getCloses(i)).isEqualTo(closes[123 + i]);
        }
    }
}
