package dev.capflow.basket.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnknownFieldSet;
import com.google.rpc.ResourceInfo;
import dev.capflow.basket.fake.FakeIngestServer;
import dev.capflow.proto.basket.v1.Basket;
import dev.capflow.proto.basket.v1.CreateBasketRequest;
import dev.capflow.proto.basket.v1.ListBasketsRequest;
import dev.capflow.proto.basket.v1.ListBasketsResponse;
import dev.capflow.testsupport.PostgresRedisResource;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = PostgresRedisResource.class, initArgs = @ResourceArg(name = "redis-db", value = "3"))
@QuarkusTestResource(FakeIngestServer.class)
class BasketIdempotencyAndPagingGrpcTest extends GrpcTestBase {

    @Test
    void aCreateRetriedWithItsRequestIdStoresOneBasketAndAnswersTheFirstAnswer() throws Exception {
        CreateBasketRequest request = keyedCreate("retry-7f3a", "Retried");

        Basket first = client().createBasket(request).getBasket();
        Basket retried = client().createBasket(request).getBasket();

        assertThat(first.getId()).matches("[0-9a-f-]{36}");
        assertThat(retried).isEqualTo(first);
        assertThat(sqlLong("select count(*) from basket.basket where name = 'Retried'"))
                .isEqualTo(1);
        assertThat(sqlLong("select count(*) from basket.idempotency_key where request_id = 'retry-7f3a'"))
                .isEqualTo(1);
    }

    @Test
    void aRequestIdReusedForAnotherBasketIsAlreadyExistsNamingItAndStoresNothing() throws Exception {
        client().createBasket(CreateBasketRequest.newBuilder()
                .setRequestId("reused-key")
                .setBasket(equalBasket("", "NVDA", "AMD").setName("Reused one"))
                .build());

        StatusRuntimeException reused = catchThrowableOfType(
                StatusRuntimeException.class,
                () -> client().createBasket(CreateBasketRequest.newBuilder()
                        .setRequestId("reused-key")
                        .setBasket(equalBasket("", "NVDA", "AMD").setName("Reused two"))
                        .build()));

        assertThat(reused.getStatus().getCode()).isEqualTo(Status.Code.ALREADY_EXISTS);
        assertThat(reused.getStatus().getDescription()).contains("request_id reused-key");
        assertThat(resourceInfos(reused))
                .extracting(ResourceInfo::getResourceType, ResourceInfo::getResourceName)
                .containsExactly(tuple("request_id", "reused-key"));
        assertThat(sqlLong("select count(*) from basket.basket where name like 'Reused%'"))
                .isEqualTo(1);
    }

    @Test
    void aRetryCarryingAFieldTheServerDoesNotKnowIsTheSameRequest() throws Exception {
        CreateBasketRequest request = keyedCreate("newer-client", "From a newer client");
        Basket first = client().createBasket(request).getBasket();
        UnknownFieldSet newerField = UnknownFieldSet.newBuilder()
                .addField(999, UnknownFieldSet.Field.newBuilder().addVarint(1).build())
                .build();

        Basket retried = client().createBasket(request.toBuilder()
                        .setBasket(request.getBasket().toBuilder().setUnknownFields(newerField))
                        .setUnknownFields(newerField)
                        .build())
                .getBasket();

        assertThat(retried).isEqualTo(first);
        assertThat(sqlLong("select count(*) from basket.basket where name = 'From a newer client'"))
                .isEqualTo(1);
    }

    @Test
    void aFailedCreateKeepsNoKeySoItsRetryRunsAgain() throws Exception {
        CreateBasketRequest taken = CreateBasketRequest.newBuilder()
                .setRequestId("failed-once")
                .setBasket(equalBasket("team-google", "NVDA", "AMD"))
                .build();

        for (int attempt = 0; attempt < 2; attempt++) {
            StatusRuntimeException exists =
                    catchThrowableOfType(StatusRuntimeException.class, () -> client().createBasket(taken));
            assertThat(exists.getStatus().getCode()).isEqualTo(Status.Code.ALREADY_EXISTS);
            assertThat(exists.getStatus().getDescription()).doesNotContain("request_id");
        }
        assertThat(sqlLong("select count(*) from basket.idempotency_key where request_id = 'failed-once'"))
                .isZero();
    }

    @Test
    void aMalformedRequestIdIsInvalidArgumentNamingIt() throws Exception {
        StatusRuntimeException bad = catchThrowableOfType(
                StatusRuntimeException.class,
                () -> client().createBasket(CreateBasketRequest.newBuilder()
                        .setRequestId("has a space")
                        .setBasket(equalBasket("", "NVDA"))
                        .build()));

        assertThat(bad.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(violatedFields(bad)).containsExactly("request_id");
    }

    @Test
    void basketsArePagedByIdAndATokenOfAnotherQueryIsRefused() throws Exception {
        IntStream.range(0, 5)
                .forEach(i -> client().createBasket(CreateBasketRequest.newBuilder()
                        .setBasket(equalBasket("paged-" + i, "NVDA"))
                        .build()));
        List<String> all = client().listBaskets(ListBasketsRequest.getDefaultInstance()).getBasketsList().stream()
                .map(Basket::getId)
                .toList();

        List<String> walked = new ArrayList<>();
        String token = "";
        int pages = 0;
        do {
            ListBasketsResponse page = client().listBaskets(ListBasketsRequest.newBuilder()
                    .setPageSize(2)
                    .setPageToken(token)
                    .build());
            assertThat(page.getBasketsCount()).isBetween(1, 2);
            page.getBasketsList().forEach(basket -> walked.add(basket.getId()));
            token = page.getNextPageToken();
            pages++;
        } while (!token.isEmpty());

        assertThat(all).contains("paged-0", "paged-4", "team-google").isSorted();
        assertThat(walked).isEqualTo(all);
        assertThat(pages).isEqualTo((all.size() + 1) / 2);
        StatusRuntimeException negative = catchThrowableOfType(
                StatusRuntimeException.class,
                () -> client().listBaskets(
                                ListBasketsRequest.newBuilder().setPageSize(-1).build()));
        assertThat(violatedFields(negative)).containsExactly("page_size");
        StatusRuntimeException forged = catchThrowableOfType(
                StatusRuntimeException.class,
                () -> client().listBaskets(ListBasketsRequest.newBuilder()
                        .setPageToken("bm90LWEtdG9rZW4")
                        .build()));
        assertThat(forged.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(violatedFields(forged)).containsExactly("page_token");
    }

    /** A create of an NVDA and AMD basket named {@code name} under the client's {@code requestId}. */
    private static CreateBasketRequest keyedCreate(String requestId, String name) {
        return CreateBasketRequest.newBuilder()
                .setRequestId(requestId)
                .setBasket(equalBasket("", "NVDA", "AMD").setName(name))
                .build();
    }

    private static List<ResourceInfo> resourceInfos(StatusRuntimeException error)
            throws InvalidProtocolBufferException {
        List<ResourceInfo> infos = new ArrayList<>();
        for (Any detail : StatusProto.fromThrowable(error).getDetailsList()) {
            if (detail.is(ResourceInfo.class)) {
                infos.add(detail.unpack(ResourceInfo.class));
            }
        }
        return infos;
    }
}
