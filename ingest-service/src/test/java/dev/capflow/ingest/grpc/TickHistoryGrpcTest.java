package dev.capflow.ingest.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.Timestamp;
import com.google.rpc.BadRequest;
import dev.capflow.proto.ingest.v1.GetTicksRequest;
import dev.capflow.proto.ingest.v1.GetTicksResponse;
import dev.capflow.proto.ingest.v1.Tick;
import dev.capflow.testsupport.PostgresRedisResource;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = PostgresRedisResource.class, initArgs = @ResourceArg(name = "redis-db", value = "1"))
class TickHistoryGrpcTest extends GrpcTestBase {

    private static final Instant T0 = Instant.parse("2025-11-03T14:30:00.000001Z");

    private static Instant at(int second) {
        return T0.plusSeconds(second);
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder()
                .setSeconds(instant.getEpochSecond())
                .setNanos(instant.getNano())
                .build();
    }

    private static Tick trade(String symbol, Instant ts, double price, String tradeId) {
        return tick(symbol, ts, price, 1).toBuilder()
                .setSource("feed")
                .setTradeId(tradeId)
                .build();
    }

    private GetTicksResponse page(GetTicksRequest.Builder request) {
        return client().getTicks(request.build());
    }

    /** Every page of the request, following next_page_token until it is empty. */
    private List<GetTicksResponse> allPages(GetTicksRequest.Builder request) {
        List<GetTicksResponse> pages = new ArrayList<>();
        String token = "";
        do {
            GetTicksResponse page = page(request.setPageToken(token));
            pages.add(page);
            token = page.getNextPageToken();
        } while (!token.isEmpty());
        return pages;
    }

    private BadRequest invalid(GetTicksRequest.Builder request) throws Exception {
        StatusRuntimeException error = catchThrowableOfType(StatusRuntimeException.class, () -> page(request));
        assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        return badRequest(error);
    }

    @Test
    void readsARangeInPagesOldestFirstWithoutLosingOrRepeatingATick() {
        register("HIST");
        register("HISTX");
        List<Tick> stored = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            stored.add(tick("HIST", at(i), 100 + i, 1));
        }
        // two trades of one microsecond: a page boundary may fall between them
        stored.add(trade("HIST", at(7), 207.2, "b"));
        stored.add(trade("HIST", at(7), 207.1, "a"));
        stored.add(tick("HISTX", at(8), 999, 1));
        streamTicks(batch(1, stored.toArray(Tick[]::new)));

        GetTicksRequest.Builder request = GetTicksRequest.newBuilder()
                .setSymbol("hist")
                .setFrom(timestamp(at(2)))
                .setTo(timestamp(at(20)))
                .setPageSize(4);
        List<GetTicksResponse> pages = allPages(request);

        List<Double> prices = pages.stream()
                .flatMap(page -> page.getTicksList().stream())
                .map(Tick::getPrice)
                .toList();
        List<Double> expected = new ArrayList<>();
        for (int i = 2; i <= 20; i++) {
            expected.add(100.0 + i);
            if (i == 7) { // by time, then source ("" before "feed"), then trade id
                expected.add(207.1);
                expected.add(207.2);
            }
        }
        assertThat(prices)
                .as("both bounds inclusive, every tick once, in order")
                .containsExactlyElementsOf(expected);
        assertThat(pages).hasSize(6); // 21 ticks in pages of 4
        assertThat(pages.subList(0, 5))
                .allSatisfy(page -> assertThat(page.getTicksCount()).isEqualTo(4));
        assertThat(pages.get(5).getNextPageToken()).isEmpty();
        assertThat(pages.get(0).getTicks(0)).isEqualTo(tick("HIST", at(2), 102, 1));
    }

    @Test
    void theDefaultPageHoldsAThousandTicksAndAnEmptyRangeIsOneEmptyPage() {
        register("HISTD");
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            ticks.add(tick("HISTD", T0.plusMillis(i), 10 + i, 1));
        }
        streamTicks(batch(1, ticks.toArray(Tick[]::new)));

        GetTicksResponse first = page(GetTicksRequest.newBuilder().setSymbol("HISTD"));
        assertThat(first.getTicksCount()).isEqualTo(1000);
        assertThat(first.getNextPageToken()).isNotEmpty();
        GetTicksResponse last =
                page(GetTicksRequest.newBuilder().setSymbol("HISTD").setPageToken(first.getNextPageToken()));
        assertThat(last.getTicksList()).extracting(Tick::getPrice).containsExactly(1010.0);
        assertThat(last.getNextPageToken()).isEmpty();

        GetTicksResponse none =
                page(GetTicksRequest.newBuilder().setSymbol("HISTD").setFrom(timestamp(at(60))));
        assertThat(none.getTicksList()).isEmpty();
        assertThat(none.getNextPageToken()).isEmpty();
    }

    @Test
    void aBadTokenABadRangeOrABadPageSizeIsRefusedNamingTheField() throws Exception {
        register("HISTB");
        assertThat(invalid(GetTicksRequest.newBuilder().setSymbol("HISTB").setPageToken("not-a-token"))
                        .getFieldViolationsList())
                .extracting(BadRequest.FieldViolation::getField)
                .containsExactly("page_token");
        assertThat(invalid(GetTicksRequest.newBuilder().setSymbol("HISTB").setPageToken("AQ")) // a cut-off token
                        .getFieldViolationsList())
                .extracting(BadRequest.FieldViolation::getField)
                .containsExactly("page_token");
        assertThat(invalid(GetTicksRequest.newBuilder()
                                .setSymbol("HISTB")
                                .setFrom(timestamp(at(10)))
                                .setTo(timestamp(at(9))))
                        .getFieldViolationsList())
                .extracting(BadRequest.FieldViolation::getField)
                .containsExactly("from");
        assertThat(invalid(GetTicksRequest.newBuilder()
                                .setSymbol("HISTB")
                                .setTo(Timestamp.newBuilder().setNanos(-1)))
                        .getFieldViolationsList())
                .extracting(BadRequest.FieldViolation::getField)
                .containsExactly("to");
        assertThat(invalid(GetTicksRequest.newBuilder().setSymbol("HISTB").setPageSize(10_001))
                        .getFieldViolationsList())
                .extracting(BadRequest.FieldViolation::getField)
                .containsExactly("page_size");
        assertThat(invalid(GetTicksRequest.newBuilder().setPageSize(-1)).getFieldViolationsList())
                .extracting(BadRequest.FieldViolation::getField)
                .containsExactly("symbol", "page_size");

        StatusRuntimeException unknown = catchThrowableOfType(
                StatusRuntimeException.class,
                () -> page(GetTicksRequest.newBuilder().setSymbol("NOPE")));
        assertThat(unknown.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    }

    @Test
    void aTokenSentWithAnotherSymbolOrRangeIsRefusedInsteadOfSkippingItsFirstTicks() throws Exception {
        register("HISTQA");
        register("HISTQB");
        streamTicks(batch(
                1,
                tick("HISTQA", at(1), 10, 1),
                tick("HISTQA", at(2), 11, 1),
                tick("HISTQB", at(1), 20, 1),
                tick("HISTQB", at(2), 21, 1)));
        String token = page(GetTicksRequest.newBuilder().setSymbol("HISTQA").setPageSize(1))
                .getNextPageToken();
        assertThat(page(GetTicksRequest.newBuilder()
                                .setSymbol("HISTQA")
                                .setPageSize(5)
                                .setPageToken(token))
                        .getTicksList())
                .as("the same query, another page size")
                .extracting(Tick::getPrice)
                .containsExactly(11.0);

        for (GetTicksRequest.Builder other : List.of(
                GetTicksRequest.newBuilder().setSymbol("HISTQB").setPageSize(1).setPageToken(token),
                GetTicksRequest.newBuilder()
                        .setSymbol("HISTQA")
                        .setFrom(timestamp(at(0)))
                        .setPageSize(1)
                        .setPageToken(token))) {
            BadRequest refused = invalid(other);
            assertThat(refused.getFieldViolationsList())
                    .extracting(BadRequest.FieldViolation::getField, BadRequest.FieldViolation::getDescription)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(
                            "page_token",
                            "belongs to another query: repeat the request that returned it, changing only page_token"));
        }
    }
}
