package dev.capflow.gateway.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConvertedBatchTest {

    /** Elements 0, 2 and 5 converted; 1 and 4 did not. */
    private final ConvertedBatch<String> batch = new ConvertedBatch<>(
            List.of("a", "c", "f"),
            List.of(0, 2, 5),
            List.of(Rejection.atIndex(1, "open", "must be a number"), Rejection.atIndex(4, "record", "not an object")));

    @Test
    void downstreamIndexesAreMovedBackToOriginalPositionsAndMergedInOrder() {
        IngestReport downstream = new IngestReport(
                1, 0, 0, List.of(Rejection.atIndex(2, "close", "too high"), Rejection.atIndex(1, "high", "below low")));

        IngestReport merged = batch.merge(downstream);

        assertThat(merged.accepted()).isEqualTo(1);
        assertThat(merged.rejected())
                .containsExactly(
                        Rejection.atIndex(1, "open", "must be a number"),
                        Rejection.atIndex(2, "high", "below low"),
                        Rejection.atIndex(4, "record", "not an object"),
                        Rejection.atIndex(5, "close", "too high"));
    }

    @Test
    void anIndexTheGatewayNeverSentKeepsItsReasonWithoutAPosition() {
        IngestReport merged = batch.merge(new IngestReport(0, 3, 0, List.of(Rejection.atIndex(7, "x", "odd"))));

        assertThat(merged.rejected()).last().isEqualTo(new Rejection(null, null, "x", "odd"));
        assertThat(merged.duplicates()).isEqualTo(3);
    }

    @Test
    void aBatchWithNothingConvertedReportsOnlyItsOwnRejections() {
        ConvertedBatch<String> none =
                new ConvertedBatch<>(List.of(), List.of(), List.of(Rejection.atIndex(0, "date", "is required")));

        assertThat(none.hasRecords()).isFalse();
        assertThat(none.report().everyRecordRejected()).isTrue();
    }

    @Test
    void everyRecordRejectedNeedsRejectionsAndNothingStoredDuplicateOrSkipped() {
        List<Rejection> one = List.of(Rejection.atRow(3, "open", "not a number"));
        assertThat(new IngestReport(0, 0, 0, one).everyRecordRejected()).isTrue();
        assertThat(new IngestReport(0, 1, 0, one).everyRecordRejected()).isFalse();
        assertThat(new IngestReport(0, 0, 1, one).everyRecordRejected()).isFalse();
        assertThat(new IngestReport(0, 0, 0, List.of()).everyRecordRejected())
                .as("empty request")
                .isFalse();
    }

    @Test
    void everyRecordNeedsItsPosition() {
        assertThatThrownBy(() -> new ConvertedBatch<>(List.of("a"), List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
