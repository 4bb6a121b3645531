package dev.capflow.exposure.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.capflow.exposure.fake.FakeDownstreams;
import dev.capflow.grpc.errors.GrpcStatuses;
import dev.capflow.proto.exposure.v1.CreateEdgeRequest;
import dev.capflow.proto.exposure.v1.CreateEntityRequest;
import dev.capflow.proto.exposure.v1.DeleteEdgeRequest;
import dev.capflow.proto.exposure.v1.DeleteEntityRequest;
import dev.capflow.proto.exposure.v1.Edge;
import dev.capflow.proto.exposure.v1.EdgeKind;
import dev.capflow.proto.exposure.v1.Entity;
import dev.capflow.proto.exposure.v1.EntityImpact;
import dev.capflow.proto.exposure.v1.EntityKind;
import dev.capflow.proto.exposure.v1.ExposureServiceGrpc;
import dev.capflow.proto.exposure.v1.GetEdgeRequest;
import dev.capflow.proto.exposure.v1.GetEntityRequest;
import dev.capflow.proto.exposure.v1.ListEdgesRequest;
import dev.capflow.proto.exposure.v1.ListEntitiesRequest;
import dev.capflow.proto.exposure.v1.LookThroughRequest;
import dev.capflow.proto.exposure.v1.Shock;
import dev.capflow.proto.exposure.v1.StressModel;
import dev.capflow.proto.exposure.v1.StressOptions;
import dev.capflow.proto.exposure.v1.StressRequest;
import dev.capflow.proto.exposure.v1.UpdateEdgeRequest;
import dev.capflow.proto.exposure.v1.UpdateEntityRequest;
import dev.capflow.testsupport.FiniteNumbers;
import dev.capflow.testsupport.MalformedRequestCheck;
import dev.capflow.testsupport.PostgresRedisResource;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Hostile graph writes and scenarios are refused clearly and store nothing. */
@QuarkusTest
@QuarkusTestResource(PostgresRedisResource.class)
@QuarkusTestResource(FakeDownstreams.class)
class HostileGraphGrpcTest extends GrpcTestBase {

    private static final List<String> FIRMS = List.of("hx-a", "hx-b", "hx-c", "hx-d");
    private static final String RETRACTED = "2000-01-01";

    @BeforeEach
    void createFirms() {
        FIRMS.forEach(id -> client().createEntity(CreateEntityRequest.newBuilder()
                .setEntity(privateEntity(id, 1e9))
                .build()));
    }

    @AfterEach
    void removeFirms() {
        client().listEdges(ListEdgesRequest.newBuilder().setAsOf("2025-12-31").build()).getEdgesList().stream()
                .filter(e -> FIRMS.contains(e.getFrom()) || FIRMS.contains(e.getTo()))
                .forEach(e -> client().deleteEdge(DeleteEdgeRequest.newBuilder()
                        .setEdgeId(e.getId())
                        .setValidTo(RETRACTED)
                        .build()));
        FIRMS.forEach(id -> client().deleteEntity(DeleteEntityRequest.newBuilder()
                .setEntityId(id)
                .setValidTo(RETRACTED)
                .build()));
    }

    @Test
    void anEquityCycleMakingIMinusSNearlySingularIsRefusedNamingItsEdges() throws Exception {
        create(equity("hx-ab", "hx-a", "hx-b", 0.99, "2025-10-01"));
        List<Long> before = graphRows();

        var error = failure(
                Status.Code.FAILED_PRECONDITION, () -> create(equity("hx-ba", "hx-b", "hx-a", 0.99, "2025-10-01")));

        assertThat(preconditions(error)).singleElement().satisfies(v -> {
            assertThat(v.getType()).isEqualTo("EQUITY_CYCLE");
            assertThat(v.getSubject()).contains("hx-ab").contains("hx-ba");
            assertThat(v.getDescription()).contains("own 4925.1% of itself").contains("on 2025-10-01");
        });
        assertThat(graphRows()).isEqualTo(before);
    }

    @Test
    void aCycleIsCheckedOnEveryDateAnAmendmentAffects() throws Exception {
        create(equity("hx-ab", "hx-a", "hx-b", 0.5, "2025-10-01"));
        create(equity("hx-ba", "hx-b", "hx-a", 0.7, "2025-11-01"));
        Edge stake = client().getEdge(GetEdgeRequest.newBuilder()
                        .setEdgeId("hx-ab")
                        .setAsOf("2025-12-01")
                        .build())
                .getEdge();
        List<Long> before = graphRows();

        // raised from October on: the cycle only exists from November, and is refused as of then
        var error = failure(
                Status.Code.FAILED_PRECONDITION,
                () -> client().updateEdge(UpdateEdgeRequest.newBuilder()
                        .setEdge(stake.toBuilder().setShare(0.9))
                        .build()));

        assertThat(preconditions(error).get(0).getDescription()).contains("on 2025-11-01");
        assertThat(graphRows()).isEqualTo(before);
    }

    @Test
    void sharesSummingToExactlyOneAreRefusedWhateverTheOrder() throws Exception {
        create(equity("hx-ad", "hx-a", "hx-d", 0.7, "2025-10-01"));
        create(equity("hx-bd", "hx-b", "hx-d", 0.2, "2025-10-01"));
        List<Long> before = graphRows();

        var error =
                failure(Status.Code.INVALID_ARGUMENT, () -> create(equity("hx-cd", "hx-c", "hx-d", 0.1, "2025-10-01")));

        assertThat(violatedFields(error)).containsExactly("edge.share");
        assertThat(graphRows()).isEqualTo(before);
        create(equity("hx-cd", "hx-c", "hx-d", 0.09, "2025-10-01"));
        Edge stored = client().getEdge(GetEdgeRequest.newBuilder()
                        .setEdgeId("hx-ad")
                        .setAsOf("2025-12-01")
                        .build())
                .getEdge();
        // an unchanged update is accepted as the create was
        assertThat(client().updateEdge(
                                UpdateEdgeRequest.newBuilder().setEdge(stored).build())
                        .getEdge()
                        .getVersion())
                .isEqualTo(stored.getVersion() + 1);
    }

    @Test
    void amountsAndFreeTextAreBounded() throws Exception {
        List<Long> before = graphRows();
        assertRejected(
                cash("hx-big", "hx-a", "hx-b", EdgeKind.EDGE_KIND_PURCHASE, 1e300, "2025-10-01"), "edge.amount_usd");
        assertRejected(
                cash("hx-nul", "hx-a", "hx-b", EdgeKind.EDGE_KIND_PURCHASE, 1, "2025-10-01")
                        .setNote("a\u0000b"),
                "edge.note");
        assertRejected(
                cash("hx-long", "hx-a", "hx-b", EdgeKind.EDGE_KIND_PURCHASE, 1, "2025-10-01")
                        .setNote("n".repeat(2_001)),
                "edge.note");
        var name = failure(
                Status.Code.INVALID_ARGUMENT,
                () -> client().createEntity(CreateEntityRequest.newBuilder()
                        .setEntity(privateEntity("hx-e", 1e9).setName("bad\u0000name"))
                        .build()));
        assertThat(violatedFields(name)).containsExactly("entity.name");
        var mark = failure(
                Status.Code.INVALID_ARGUMENT,
                () -> client().createEntity(CreateEntityRequest.newBuilder()
                        .setEntity(privateEntity("hx-e", 1e300))
                        .build()));
        assertThat(violatedFields(mark)).containsExactly("entity.valuation_usd");
        var hugeId = failure(
                Status.Code.INVALID_ARGUMENT,
                () -> client().createEntity(CreateEntityRequest.newBuilder()
                        .setEntity(privateEntity("x".repeat(100_000), 1e9))
                        .build()));
        assertThat(hugeId.getStatus().getDescription()).hasSizeLessThan(2_000);
        assertThat(graphRows()).isEqualTo(before);
    }

    @Test
    void shocksAndOptionsOutsideTheirModelsAreRefused() throws Exception {
        create(equity("hx-ab", "hx-a", "hx-b", 0.3, "2025-10-01"));
        assertFields(shock(StressModel.STRESS_MODEL_CROSS_HOLDINGS, 1e300), "shocks[0].value_change");
        assertFields(shock(StressModel.STRESS_MODEL_CLEARING, 11), "shocks[0].value_change");
        // a failure cost without its threshold names the threshold that is missing, not the cost that was sent
        var betaWithoutTheta = failure(
                Status.Code.INVALID_ARGUMENT,
                () -> client().stress(shock(StressModel.STRESS_MODEL_CROSS_HOLDINGS, -0.5)
                        .setOptions(StressOptions.newBuilder().setBeta(0.3))
                        .build()));
        assertThat(violations(betaWithoutTheta)).singleElement().satisfies(v -> {
            assertThat(v.getField()).isEqualTo("options.theta");
            assertThat(v.getDescription()).contains("theta").contains("options.beta");
        });
        // the largest shock allowed gives finite figures
        assertThat(client().stress(shock(StressModel.STRESS_MODEL_CROSS_HOLDINGS, 10)
                                .build())
                        .getEntitiesList())
                .allSatisfy(impact -> assertThat(impact.getRelativeChange()).isFinite());
    }

    @Test
    void anEntityMayNameOnlyRegisteredInstrumentsAndARefusedWriteStoresNothing() throws Exception {
        List<Long> before = graphRows();

        var created = failure(
                Status.Code.INVALID_ARGUMENT,
                () -> client().createEntity(CreateEntityRequest.newBuilder()
                        .setEntity(Entity.newBuilder()
                                .setId("hx-listed")
                                .setName("Listed nowhere")
                                .setKind(EntityKind.ENTITY_KIND_LISTED)
                                .setTicker("ZZZZ9")
                                .addListings("QQQ")
                                .addListings("ZZZZ8"))
                        .build()));
        assertThat(violations(created))
                .extracting(v -> v.getField() + " " + v.getDescription())
                .containsExactly(
                        "entity.ticker entity hx-listed: ZZZZ9 is not a registered instrument (register the instrument"
                                + " first: UpsertInstrument, or PUT /api/v1/instruments/ZZZZ9 at the gateway)",
                        "entity.listings[1] entity hx-listed: ZZZZ8 is not a registered instrument (register the"
                                + " instrument first: UpsertInstrument, or PUT /api/v1/instruments/ZZZZ8 at the gateway)");

        long version = client().getEntity(
                        GetEntityRequest.newBuilder().setEntityId("hx-a").build())
                .getEntity()
                .getVersion();
        var updated = failure(
                Status.Code.INVALID_ARGUMENT,
                () -> client().updateEntity(UpdateEntityRequest.newBuilder()
                        .setEntity(privateEntity("hx-a", 1e9).addListings("ZZZZ8"))
                        .setExpectedVersion(version)
                        .build()));
        assertThat(violatedFields(updated)).containsExactly("entity.listings[0]");
        assertThat(graphRows()).isEqualTo(before);
    }

    @Test
    void theClearingHorizonIsBoundedFromADayToACentury() throws Exception {
        create(cash("hx-ab-cash", "hx-a", "hx-b", EdgeKind.EDGE_KIND_INVESTMENT, 1e9, "2025-10-01"));
        for (double years : new double[] {1e308, 100.5, 0, 1e-320, 0.002}) {
            assertFields(
                    shock(StressModel.STRESS_MODEL_CLEARING, -0.5)
                            .setOptions(StressOptions.newBuilder().setHorizonYears(years)),
                    "options.horizon_years");
        }
        assertThat(client().stress(shock(StressModel.STRESS_MODEL_CLEARING, -0.5)
                                .setOptions(StressOptions.newBuilder().setHorizonYears(100))
                                .build())
                        .getEntitiesList())
                .isNotEmpty();
    }

    /** hx-b's revenue becomes 1e-300 USD, so a ratio over it overflows. */
    private void giveHxBATinyRevenue() {
        long version = client().getEntity(
                        GetEntityRequest.newBuilder().setEntityId("hx-b").build())
                .getEntity()
                .getVersion();
        client().updateEntity(UpdateEntityRequest.newBuilder()
                .setEntity(privateEntity("hx-b", 1e9).setRevenueUsd(1e-300).setRevenueAsOf("2025-06-30"))
                .setExpectedVersion(version)
                .build());
    }

    @Test
    void aClearingFigureThatWouldOverflowIsAFailedPreconditionNotInfinity() throws Exception {
        // hx-a has no resources and owes hx-b 1e9; hx-b's revenue of 1e-300 USD makes unpaid / revenue overflow
        giveHxBATinyRevenue();
        create(cash("hx-ab-cash", "hx-a", "hx-b", EdgeKind.EDGE_KIND_INVESTMENT, 1e9, "2025-10-01"));

        var error = failure(
                Status.Code.FAILED_PRECONDITION,
                () -> client().stress(
                                shock(StressModel.STRESS_MODEL_CLEARING, -0.5).build()));

        assertThat(preconditions(error)).singleElement().satisfies(v -> {
            assertThat(v.getType()).isEqualTo("NON_FINITE");
            assertThat(v.getSubject()).isEqualTo("hx-b");
            assertThat(v.getDescription()).contains("unpaidToRevenue").contains("Infinity");
        });
    }

    @Test
    void aLookThroughRatioThatWouldOverflowIsAFailedPreconditionNotInfinity() throws Exception {
        // hx-a invests 1e9 in hx-b, whose revenue of 1e-300 USD makes hx-b's inflow / revenue overflow
        giveHxBATinyRevenue();
        create(cash("hx-ab-inflow", "hx-a", "hx-b", EdgeKind.EDGE_KIND_INVESTMENT, 1e9, "2025-10-01"));

        var error = failure(
                Status.Code.FAILED_PRECONDITION,
                () -> client().lookThrough(LookThroughRequest.newBuilder()
                        .setTarget("hx-a")
                        .setAsOf("2025-12-31")
                        .build()));

        assertThat(preconditions(error)).singleElement().satisfies(v -> {
            assertThat(v.getType()).isEqualTo("NON_FINITE");
            assertThat(v.getSubject()).isEqualTo("hx-b");
            assertThat(v.getDescription()).contains("inflowToRevenue").contains("Infinity");
        });
        // the same graph without the overflowing ratio answers, every figure finite
        FiniteNumbers.assertFinite(client().lookThrough(LookThroughRequest.newBuilder()
                .setTarget("hx-b")
                .setAsOf("2025-12-31")
                .build()));
    }

    @Test
    void aThousandUnknownShocksAreACappedInvalidArgument() throws Exception {
        StressRequest.Builder request = StressRequest.newBuilder()
                .setModel(StressModel.STRESS_MODEL_DEBTRANK)
                .setAsOf("2025-12-31");
        for (int i = 0; i < 1_000; i++) {
            request.addShocks(Shock.newBuilder()
                    .setEntity("nobody-" + i + "-" + "z".repeat(40))
                    .setValueChange(-0.1));
        }

        var error = failure(Status.Code.INVALID_ARGUMENT, () -> client().stress(request.build()));

        assertThat(violations(error)).hasSize(GrpcStatuses.MAX_DETAILS + 1);
        assertThat(violations(error).get(GrpcStatuses.MAX_DETAILS).getDescription())
                .contains("980 more");
        assertThat(error.getStatus().getDescription()).hasSizeLessThan(1_100);
    }

    @Test
    void anEntityMarkedBelowItsStakesIsFlaggedAndOnlyAShockToItIsRefused() throws Exception {
        client().createEntity(CreateEntityRequest.newBuilder()
                .setEntity(privateEntity("hx-rich", 1e12))
                .build());
        try {
            // hx-a (1e9) holds 50% of hx-rich (1e12): its stakes are worth 500 times its value
            create(equity("hx-a-rich", "hx-a", "hx-rich", 0.5, "2025-10-01"));

            var error = failure(
                    Status.Code.FAILED_PRECONDITION,
                    () -> client().stress(shock(StressModel.STRESS_MODEL_CROSS_HOLDINGS, -0.5)
                            .build()));
            assertThat(preconditions(error)).singleElement().satisfies(v -> {
                assertThat(v.getType()).isEqualTo("PRIMARY_VALUE");
                assertThat(v.getSubject()).isEqualTo("hx-a");
                assertThat(v.getDescription()).contains("hx-a-rich").contains("its own value of 1000000000 USD");
            });

            var others = client().stress(StressRequest.newBuilder()
                    .setModel(StressModel.STRESS_MODEL_CROSS_HOLDINGS)
                    .setAsOf("2025-12-31")
                    .addShocks(Shock.newBuilder().setEntity("hx-b").setValueChange(-0.5))
                    .build());
            assertThat(others.getEntitiesList())
                    .filteredOn(impact -> impact.getEntity().startsWith("hx-"))
                    .extracting(
                            EntityImpact::getEntity,
                            EntityImpact::getMarkedBelowStakes,
                            EntityImpact::getRelativeChange)
                    .as("the others are answered, hx-a flagged and unshocked")
                    .contains(tuple("hx-a", true, 0.0), tuple("hx-b", false, -0.5), tuple("hx-rich", false, 0.0));

            var lookThrough = client().lookThrough(LookThroughRequest.newBuilder()
                    .setTarget("hx-rich")
                    .setAsOf("2025-12-31")
                    .build());
            assertThat(lookThrough.getExposuresList())
                    .filteredOn(exposure -> exposure.getEntity().equals("hx-a"))
                    .singleElement()
                    .satisfies(exposure -> {
                        assertThat(exposure.getMarkedBelowStakes()).isTrue();
                        assertThat(exposure.getValueAtStakeUsd()).isEqualTo(5e11);
                        assertThat(exposure.getFractionOfOwnValue()).isEqualTo(500.0);
                    });
            assertThat(lookThrough.getExposuresList())
                    .filteredOn(exposure -> !exposure.getEntity().equals("hx-a"))
                    .extracting(dev.capflow.proto.exposure.v1.Exposure::getMarkedBelowStakes)
                    .containsOnly(false);

            client().deleteEdge(DeleteEdgeRequest.newBuilder()
                    .setEdgeId("hx-a-rich")
                    .setValidTo(RETRACTED)
                    .build());
            client().createEntity(CreateEntityRequest.newBuilder()
                    .setEntity(privateEntity("hx-tiny", 1e-300))
                    .build());
            create(equity("hx-tiny-rich", "hx-tiny", "hx-rich", 0.01, "2025-10-01"));
            var tiny = failure(
                    Status.Code.FAILED_PRECONDITION,
                    () -> client().stress(StressRequest.newBuilder()
                            .setModel(StressModel.STRESS_MODEL_CROSS_HOLDINGS)
                            .setAsOf("2025-12-31")
                            .addShocks(Shock.newBuilder().setEntity("hx-tiny").setValueChange(-0.5))
                            .build()));
            assertThat(preconditions(tiny))
                    .singleElement()
                    .satisfies(v -> assertThat(v.getDescription())
                            .as("a mark below one dollar is not printed as 0 USD")
                            .contains("its own value of 1.00e-300 USD"));
            assertThat(client().stress(shock(StressModel.STRESS_MODEL_CROSS_HOLDINGS, -0.5)
                                    .build())
                            .getEntitiesList())
                    .filteredOn(impact -> impact.getEntity().equals("hx-tiny"))
                    .extracting(EntityImpact::getMarkedBelowStakes)
                    .as("hx-a's shock is answered; hx-tiny is flagged")
                    .containsExactly(true);
        } finally {
            for (String edge : List.of("hx-a-rich", "hx-tiny-rich")) {
                retractIfStored(() -> client().deleteEdge(DeleteEdgeRequest.newBuilder()
                        .setEdgeId(edge)
                        .setValidTo(RETRACTED)
                        .build()));
            }
            for (String entity : List.of("hx-rich", "hx-tiny")) {
                retractIfStored(() -> client().deleteEntity(DeleteEntityRequest.newBuilder()
                        .setEntityId(entity)
                        .setValidTo(RETRACTED)
                        .build()));
            }
        }
    }

    /** Runs a retraction of the test's own records; one never stored (its test failed first) is NOT_FOUND. */
    private static void retractIfStored(Runnable retraction) {
        try {
            retraction.run();
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() != Status.Code.NOT_FOUND) {
                throw e;
            }
        }
    }

    private void create(Edge.Builder edge) {
        client().createEdge(CreateEdgeRequest.newBuilder().setEdge(edge).build());
    }

    private void assertRejected(Edge.Builder edge, String field) throws Exception {
        var error = failure(Status.Code.INVALID_ARGUMENT, () -> create(edge));
        assertThat(violatedFields(error)).as(error.getStatus().toString()).contains(field);
    }

    @Test
    void moreShocksThanTheLimitAreRefusedWithOneViolationBeforeAnyIsRead() throws Exception {
        StressRequest.Builder request = shock(StressModel.STRESS_MODEL_CROSS_HOLDINGS, -0.5);
        for (int i = 0; i < 100_000; i++) {
            // copies of one shock: each would be its own "already shocked" violation if the shocks were read
            request.addShocks(Shock.newBuilder().setEntity("hx-a").setValueChange(-0.5));
        }
        var error = failure(Status.Code.INVALID_ARGUMENT, () -> client().stress(request.build()));
        assertThat(violations(error)).singleElement().satisfies(v -> {
            assertThat(v.getField()).isEqualTo("shocks");
            assertThat(v.getDescription()).isEqualTo("at most 10000 shocks (one per entity), got 100001");
        });
    }

    private void assertFields(StressRequest.Builder request, String... fields) throws Exception {
        var error = failure(Status.Code.INVALID_ARGUMENT, () -> client().stress(request.build()));
        assertThat(violatedFields(error)).as(error.getStatus().toString()).contains(fields);
    }

    private static StressRequest.Builder shock(StressModel model, double change) {
        return StressRequest.newBuilder()
                .setModel(model)
                .setAsOf("2025-12-31")
                .addShocks(Shock.newBuilder().setEntity("hx-a").setValueChange(change));
    }

    @Test
    void aStringFieldThatIsNotUtf8IsInvalidArgumentAndTheServerGoesOn() {
        MalformedRequestCheck.invalidUtf8IsRefused(
                ExposureServiceGrpc.getListEntitiesMethod(),
                ListEntitiesRequest.getDefaultInstance(),
                ListEntitiesRequest.AS_OF_FIELD_NUMBER);
    }
}
