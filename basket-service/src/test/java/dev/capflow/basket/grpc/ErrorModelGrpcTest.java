package dev.capflow.basket.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.Message;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import com.google.rpc.ResourceInfo;
import dev.capflow.basket.fake.FakeIngestServer;
import dev.capflow.proto.basket.v1.Basket;
import dev.capflow.proto.basket.v1.BasketServiceGrpc;
import dev.capflow.proto.basket.v1.CreateBasketRequest;
import dev.capflow.proto.basket.v1.GetBasketRequest;
import dev.capflow.proto.basket.v1.ListBasketsRequest;
import dev.capflow.proto.basket.v1.UpdateBasketRequest;
import dev.capflow.proto.basket.v1.Weighting;
import dev.capflow.testsupport.MalformedRequestCheck;
import dev.capflow.testsupport.PostgresRedisResource;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The capflow error model over basket-service's gRPC port: one status per situation, with google.rpc details. */
@QuarkusTest
@QuarkusTestResource(value = PostgresRedisResource.class, initArgs = @ResourceArg(name = "redis-db", value = "3"))
@QuarkusTestResource(FakeIngestServer.class)
class ErrorModelGrpcTest extends GrpcTestBase {

    private static StatusRuntimeException failure(Executable call) {
        return catchThrowableOfType(StatusRuntimeException.class, call::execute);
    }

    private static <T extends Message> T detail(StatusRuntimeException failure, Class<T> type) throws Exception {
        return StatusProto.fromThrowable(failure).getDetailsList().stream()
                .filter(any -> any.is(type))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " in " + failure))
                .unpack(type);
    }

    private static Basket.Builder basket(String id) {
        return Basket.newBuilder()
                .setId(id)
                .setName("Errors")
                .setCurrency("USD")
                .setBaseDate("2025-11-03")
                .setWeighting(Weighting.WEIGHTING_EQUAL)
                .addMembers(member("NVDA", 1));
    }

    @Test
    void anUnknownBasketIsNotFoundNamingIt() throws Exception {
        StatusRuntimeException failure = failure(() -> client().getBasket(GetBasketRequest.newBuilder()
                .setBasketId("no-such-basket")
                .build()));
        assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        ResourceInfo resource = detail(failure, ResourceInfo.class);
        assertThat(resource.getResourceType()).isEqualTo("capflow.basket.v1.Basket");
        assertThat(resource.getResourceName()).isEqualTo("no-such-basket");
    }

    @Test
    void anUnknownIdOfFiveThousandCharactersIsNotFoundNotATransportFailure() throws Exception {
        // its echo in the trailers once passed the client's 8 KiB of headers, and the stream was reset (INTERNAL)
        String huge = "a".repeat(5000);
        StatusRuntimeException failure = failure(() -> client().getBasket(
                        GetBasketRequest.newBuilder().setBasketId(huge).build()));
        assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(detail(failure, ResourceInfo.class).getResourceName()).startsWith("aaaa");
    }

    @Test
    void aTakenIdIsAlreadyExistsAndAStaleVersionIsAbortedNamingBothVersions() throws Exception {
        Basket created = client().createBasket(CreateBasketRequest.newBuilder()
                        .setBasket(basket("errors-taken"))
                        .build())
                .getBasket();
        StatusRuntimeException taken = failure(() -> client().createBasket(CreateBasketRequest.newBuilder()
                .setBasket(basket("errors-taken"))
                .build()));
        assertThat(taken.getStatus().getCode()).isEqualTo(Status.Code.ALREADY_EXISTS);
        assertThat(detail(taken, ResourceInfo.class).getResourceName()).isEqualTo("errors-taken");

        StatusRuntimeException stale = failure(() -> client().updateBasket(UpdateBasketRequest.newBuilder()
                .setBasket(created.toBuilder().setVersion(created.getVersion() + 5))
                .build()));
        assertThat(stale.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
        ErrorInfo info = detail(stale, ErrorInfo.class);
        assertThat(info.getReason()).isEqualTo("STALE_VERSION");
        assertThat(info.getMetadataMap())
                .containsEntry("resource_name", "errors-taken")
                .containsEntry("expected_version", Long.toString(created.getVersion() + 5))
                .containsEntry("actual_version", Long.toString(created.getVersion()));
    }

    @Test
    void anUnknownEnumNumberIsInvalidArgumentNotCoerced() throws Exception {
        StatusRuntimeException failure = failure(() -> client().createBasket(CreateBasketRequest.newBuilder()
                .setBasket(basket("errors-enum").setWeightingValue(7))
                .build()));
        assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(detail(failure, BadRequest.class).getFieldViolationsList())
                .extracting(BadRequest.FieldViolation::getField)
                .containsExactly("basket.weighting");
        assertThat(failure(() -> client().getBasket(GetBasketRequest.newBuilder()
                                .setBasketId("errors-enum")
                                .build()))
                        .getStatus()
                        .getCode())
                .as("nothing was stored")
                .isEqualTo(Status.Code.NOT_FOUND);
    }

    @Test
    void aNulCharacterIsInvalidArgumentNamingTheField() throws Exception {
        StatusRuntimeException failure = failure(() -> client().createBasket(CreateBasketRequest.newBuilder()
                .setBasket(basket("errors-nul").setName("bad\0name"))
                .build()));
        assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(detail(failure, BadRequest.class).getFieldViolationsList())
                .extracting(BadRequest.FieldViolation::getField)
                .containsExactly("basket.name");
    }

    @Test
    void statusMessagesArePrintableAsciiWhileTheDetailsKeepTheExactValue() throws Exception {
        String id = "caf\u00e9-\u7121-100%";
        StatusRuntimeException failure = failure(() ->
                client().getBasket(GetBasketRequest.newBuilder().setBasketId(id).build()));
        assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(failure.getStatus().getDescription())
                .matches("[\\x20-\\x7e]*")
                .doesNotContain("%");
        assertThat(detail(failure, ResourceInfo.class).getResourceName()).isEqualTo(id);
    }

    @Test
    void aStringFieldThatIsNotUtf8IsInvalidArgumentAndTheServerGoesOn() {
        MalformedRequestCheck.invalidUtf8IsRefused(
                BasketServiceGrpc.getListBasketsMethod(),
                ListBasketsRequest.getDefaultInstance(),
                ListBasketsRequest.PAGE_TOKEN_FIELD_NUMBER);
    }
}
