package dev.capflow.basket.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import dev.capflow.basket.fake.FakeIngestServer;
import dev.capflow.proto.basket.v1.CreateBasketRequest;
import dev.capflow.proto.basket.v1.GetPerformanceRequest;
import dev.capflow.testsupport.PostgresRedisResource;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * ingest-service refusing a read basket-service makes for its caller (INVALID_ARGUMENT, RESOURCE_EXHAUSTED,
 * NOT_FOUND) is the caller's error through basket-service: the same code with a BadRequest naming the caller's field,
 * never INTERNAL (which the gateway would answer 502).
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresRedisResource.class, initArgs = @ResourceArg(name = "redis-db", value = "3"))
@QuarkusTestResource(FakeIngestServer.class)
class IngestRefusalGrpcTest extends GrpcTestBase {

    @Test
    void tooManySymbolsRefusedByIngestIsInvalidArgumentNamingTheBasket() throws Exception {
        createWith("too-many-symbols", "REFUSED-SYMBOLS");
        FakeIngestServer.service()
                .refuse(
                        "REFUSED-SYMBOLS",
                        ingestRefusal(
                                Code.INVALID_ARGUMENT, "symbols", "at most 10000 symbols per request, got 10001"));

        StatusRuntimeException error = performanceError("too-many-symbols");

        assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(violatedFields(error)).containsExactly("basket_id");
        assertThat(error.getStatus().getDescription()).contains("at most 10000 symbols per request");
    }

    @Test
    void aWindowRefusedByIngestIsNamedByTheCallersTo() throws Exception {
        createWith("window-refused", "REFUSED-WINDOW");
        FakeIngestServer.service()
                .refuse(
                        "REFUSED-WINDOW",
                        ingestRefusal(Code.RESOURCE_EXHAUSTED, "from", "a window of at most 3650 days"));

        StatusRuntimeException error = performanceError("window-refused");

        assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
        assertThat(violatedFields(error)).containsExactly("to");
        assertThat(error.getStatus().getDescription()).contains("at most 3650 days");
    }

    @Test
    void aRefusalWithoutDetailsKeepsItsCodeAndNamesTheBasket() throws Exception {
        createWith("plain-refusal", "REFUSED-PLAIN");
        FakeIngestServer.service()
                .refuse(
                        "REFUSED-PLAIN",
                        Status.RESOURCE_EXHAUSTED
                                .withDescription("too much history at once")
                                .asRuntimeException());

        StatusRuntimeException error = performanceError("plain-refusal");

        assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
        assertThat(violatedFields(error)).containsExactly("basket_id");
        assertThat(error.getStatus().getDescription()).contains("too much history at once");
    }

    @Test
    void storedDataIngestCannotAnswerFromIsAFailedPreconditionNotAnInternalError() throws Exception {
        createWith("inconsistent-data", "REFUSED-STATE");
        FakeIngestServer.service()
                .refuse(
                        "REFUSED-STATE",
                        Status.FAILED_PRECONDITION
                                .withDescription("a cash dividend of 50.0 on 2025-10-30 is not below the close 10.0")
                                .asRuntimeException());

        for (int i = 0; i < 3; i++) {
            StatusRuntimeException error = performanceError("inconsistent-data");

            assertThat(error.getStatus().getCode())
                    .as("INTERNAL would count against the gateway's circuit breaker for basket-service")
                    .isEqualTo(Status.Code.FAILED_PRECONDITION);
            assertThat(error.getStatus().getDescription()).contains("is not below the close 10.0");
        }
        assertThat(client().getPerformance(GetPerformanceRequest.newBuilder()
                                .setBasketId("team-google")
                                .build())
                        .getSeriesCount())
                .isPositive();
    }

    @Test
    void aRegistryRefusalAtCreationNamesTheMembers() throws Exception {
        FakeIngestServer.service().addClose("REFUSED-CREATE", "2025-10-29", 10);
        FakeIngestServer.service()
                .refuse(
                        "REFUSED-CREATE",
                        Status.NOT_FOUND.withDescription("no such instrument").asRuntimeException());

        StatusRuntimeException error = catchThrowableOfType(
                StatusRuntimeException.class,
                () -> client().createBasket(CreateBasketRequest.newBuilder()
                        .setBasket(equalBasket("refused-create", "NVDA", "REFUSED-CREATE"))
                        .build()));

        assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(violatedFields(error)).containsExactly("basket.members");
    }

    @Test
    void tenThousandMembersAreRefusedBeforeAskingIngest() throws Exception {
        String[] symbols = new String[10_000];
        for (int i = 0; i < symbols.length; i++) {
            symbols[i] = "M" + i;
        }
        int callsBefore = FakeIngestServer.service().listInstrumentsCalls();

        StatusRuntimeException error = catchThrowableOfType(
                StatusRuntimeException.class,
                () -> client().createBasket(CreateBasketRequest.newBuilder()
                        .setBasket(equalBasket("ten-thousand", symbols))
                        .build()));

        assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(violatedFields(error)).containsExactly("basket.members");
        assertThat(error.getStatus().getDescription()).contains("capflow.basket.max-members");
        assertThat(FakeIngestServer.service().listInstrumentsCalls())
                .as("ingest-service was not asked")
                .isEqualTo(callsBefore);
    }

    private void createWith(String id, String symbol) {
        FakeIngestServer.service().addClose(symbol, "2025-10-29", 10);
        FakeIngestServer.service().addClose(symbol, "2025-10-30", 11);
        client().createBasket(CreateBasketRequest.newBuilder()
                .setBasket(equalBasket(id, "NVDA", symbol))
                .build());
    }

    private StatusRuntimeException performanceError(String id) {
        return catchThrowableOfType(
                StatusRuntimeException.class,
                () -> client().getPerformance(GetPerformanceRequest.newBuilder()
                        .setBasketId(id)
                        .build()));
    }

    /** A refusal as ingest-service sends it: {@code code} with a BadRequest naming its own request's {@code field}. */
    private static StatusRuntimeException ingestRefusal(Code code, String field, String description) {
        BadRequest details = BadRequest.newBuilder()
                .addFieldViolations(
                        BadRequest.FieldViolation.newBuilder().setField(field).setDescription(description))
                .build();
        return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(code.getNumber())
                .setMessage(field + ": " + description)
                .addDetails(Any.pack(details))
                .build());
    }
}
