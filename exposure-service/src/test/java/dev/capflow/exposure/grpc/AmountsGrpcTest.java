package dev.capflow.exposure.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.capflow.exposure.fake.FakeDownstreams;
import dev.capflow.proto.exposure.v1.AmountChoice;
import dev.capflow.proto.exposure.v1.CapacityKind;
import dev.capflow.proto.exposure.v1.ClearingFigures;
import dev.capflow.proto.exposure.v1.CreateEdgeRequest;
import dev.capflow.proto.exposure.v1.CreateEntityRequest;
import dev.capflow.proto.exposure.v1.DeleteEdgeRequest;
import dev.capflow.proto.exposure.v1.DeleteEntityRequest;
import dev.capflow.proto.exposure.v1.Edge;
import dev.capflow.proto.exposure.v1.EdgeKind;
import dev.capflow.proto.exposure.v1.EntityImpact;
import dev.capflow.proto.exposure.v1.Exposure;
import dev.capflow.proto.exposure.v1.GetEdgeRequest;
import dev.capflow.proto.exposure.v1.ListEntityHistoryRequest;
import dev.capflow.proto.exposure.v1.LookThroughRequest;
import dev.capflow.proto.exposure.v1.LookThroughResponse;
import dev.capflow.proto.exposure.v1.Shock;
import dev.capflow.proto.exposure.v1.StressModel;
import dev.capflow.proto.exposure.v1.StressRequest;
import dev.capflow.testsupport.PostgresRedisResource;
import io.grpc.Status;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Commitments stated in gigawatts, estimated amounts with ranges, the LOW/BASE/HIGH choice, and past-dated prices. */
@QuarkusTest
@QuarkusTestResource(PostgresRedisResource.class)
@QuarkusTestResource(FakeDownstreams.class)
class AmountsGrpcTest extends GrpcTestBase {

    @Test
    void theThreeGigawattDealsCarryEstimatedRangesWithTheirSources() {
        Edge nvidia = seeded("e13-openai-nvidia-purchase");
        assertThat(nvidia.getCapacityGw()).isEqualTo(10);
        assertThat(nvidia.getCapacityKind()).isEqualTo(CapacityKind.CAPACITY_KIND_ACCELERATORS);
        assertThat(new double[] {nvidia.getAmountLowUsd(), nvidia.getAmountUsd(), nvidia.getAmountHighUsd()})
                .containsExactly(150e9, 325e9, 500e9);
        Edge broadcom = seeded("e24-openai-broadcom-purchase");
        assertThat(new double[] {broadcom.getAmountLowUsd(), broadcom.getAmountUsd(), broadcom.getAmountHighUsd()})
                .containsExactly(100e9, 200e9, 325e9);
        Edge amd = seeded("e23-openai-amd-purchase");
        assertThat(new double[] {amd.getAmountLowUsd(), amd.getAmountUsd(), amd.getAmountHighUsd()})
                .containsExactly(20e9, 90e9, 100e9);
        for (Edge edge : new Edge[] {nvidia, broadcom, amd}) {
            assertThat(edge.getEstimated()).as(edge.getId()).isTrue();
            assertThat(edge.getNote()).as(edge.getId()).contains("GW");
            assertThat(edge.getSource()).as(edge.getId()).startsWith("https://");
        }
        assertThat(seeded("e01-softbank-openai-investment").getEstimated())
                .as("E01's derived $30B")
                .isTrue();
    }

    @Test
    void amdNvidiaAndBroadcomLoseWhenOpenAiIsShockedAndTheBandOrdersTheLosses() {
        Map<String, EntityImpact> low = debtRank(AmountChoice.AMOUNT_CHOICE_LOW);
        Map<String, EntityImpact> base = debtRank(AmountChoice.AMOUNT_CHOICE_UNSPECIFIED);
        Map<String, EntityImpact> high = debtRank(AmountChoice.AMOUNT_CHOICE_HIGH);
        for (String supplier : new String[] {"amd", "nvidia", "broadcom"}) {
            assertThat(base.get(supplier).getRelativeChange()).as(supplier).isNegative();
            assertThat(low.get(supplier).getValueLostUsd())
                    .as(supplier + " LOW >= BASE")
                    .isGreaterThan(base.get(supplier).getValueLostUsd());
            assertThat(base.get(supplier).getValueLostUsd())
                    .as(supplier + " BASE >= HIGH")
                    .isGreaterThan(high.get(supplier).getValueLostUsd());
        }
        // at least the direct hit: OpenAI's distress (0.5) times Broadcom's contracted inflow from it, capped at its
        // value
        double broadcomValue = base.get("broadcom").getValueUsd();
        assertThat(base.get("broadcom").getValueLostUsd())
                .isLessThanOrEqualTo(-0.5 * Math.min(broadcomValue, 200e9) + 1);
    }

    @Test
    void lookThroughCountsTheChosenAmountOfTheAmdDeal() {
        assertThat(amdInflow(AmountChoice.AMOUNT_CHOICE_LOW)).isEqualTo(20e9);
        assertThat(amdInflow(AmountChoice.AMOUNT_CHOICE_BASE)).isEqualTo(90e9);
        assertThat(amdInflow(AmountChoice.AMOUNT_CHOICE_HIGH)).isEqualTo(100e9);
    }

    @Test
    void anAnalysisAsOfMidOctoberUsesOctoberCloses() {
        LookThroughResponse october = client().lookThrough(LookThroughRequest.newBuilder()
                .setTarget("openai")
                .setAsOf("2025-10-15")
                .build());
        Exposure microsoft = october.getExposuresList().stream()
                .filter(e -> e.getEntity().equals("microsoft"))
                .findFirst()
                .orElseThrow();
        Instant priceDate = Instant.ofEpochSecond(
                microsoft.getValuation().getPrice().getTs().getSeconds());
        assertThat(LocalDate.ofInstant(priceDate, ZoneOffset.UTC)).isEqualTo(LocalDate.parse("2025-10-15"));
        assertThat(microsoft.getValuation().getPrice().getPrice()).isCloseTo(513.4299926757812, within(1e-9));
        assertThat(microsoft.getValueUsd()).isCloseTo(513.4299926757812 * 7_432_377_655L, within(1.0));

        // a Saturday takes Friday's close
        LookThroughResponse saturday = client().lookThrough(LookThroughRequest.newBuilder()
                .setTarget("openai")
                .setAsOf("2025-10-18")
                .build());
        Exposure microsoftSaturday = saturday.getExposuresList().stream()
                .filter(e -> e.getEntity().equals("microsoft"))
                .findFirst()
                .orElseThrow();
        assertThat(LocalDate.ofInstant(
                        Instant.ofEpochSecond(microsoftSaturday
                                .getValuation()
                                .getPrice()
                                .getTs()
                                .getSeconds()),
                        ZoneOffset.UTC))
                .isEqualTo(LocalDate.parse("2025-10-17"));
    }

    @Test
    void aCommitmentInGigawattsIsConvertedAndABadRangeIsNamed() throws Exception {
        for (String id : new String[] {"gw-a", "gw-b"}) {
            client().createEntity(CreateEntityRequest.newBuilder()
                    .setEntity(privateEntity(id, 1e9))
                    .build());
        }
        try {
            Edge cloud = client().createEdge(CreateEdgeRequest.newBuilder()
                            .setEdge(Edge.newBuilder()
                                    .setId("gw-deal")
                                    .setFrom("gw-a")
                                    .setTo("gw-b")
                                    .setKind(EdgeKind.EDGE_KIND_PURCHASE)
                                    .setAsOf("2025-10-01")
                                    .setCapacityGw(2)
                                    .setCapacityKind(CapacityKind.CAPACITY_KIND_CLOUD_CAPACITY)
                                    .setNote("two sites"))
                            .build())
                    .getEdge();
            assertThat(cloud.getAmountUsd()).isCloseTo(2 * 57.1e9, within(1.0));
            assertThat(cloud.getAmountLowUsd()).isCloseTo(2 * 46.7e9, within(1.0));
            assertThat(cloud.getAmountHighUsd()).isCloseTo(2 * 66.7e9, within(1.0));
            assertThat(cloud.getEstimated()).isTrue();
            assertThat(cloud.getNote()).startsWith("two sites; estimated from 2 GW of CLOUD_CAPACITY");

            assertThat(violatedFields(failure(
                            Status.Code.INVALID_ARGUMENT,
                            () -> client().createEdge(CreateEdgeRequest.newBuilder()
                                    .setEdge(cash(
                                                    "gw-bad",
                                                    "gw-a",
                                                    "gw-b",
                                                    EdgeKind.EDGE_KIND_PURCHASE,
                                                    5e9,
                                                    "2025-10-01")
                                            .setEstimated(true)
                                            .setAmountLowUsd(6e9)
                                            .setAmountHighUsd(4e9))
                                    .build()))))
                    .containsExactly("edge.amount_low_usd", "edge.amount_high_usd");
            assertThat(violatedFields(failure(
                            Status.Code.INVALID_ARGUMENT,
                            () -> client().createEdge(CreateEdgeRequest.newBuilder()
                                    .setEdge(cash(
                                                    "gw-bad",
                                                    "gw-a",
                                                    "gw-b",
                                                    EdgeKind.EDGE_KIND_PURCHASE,
                                                    5e9,
                                                    "2025-10-01")
                                            .setCapacityGw(1))
                                    .build()))))
                    .containsExactly("edge.capacity_kind");
            assertThat(violatedFields(failure(
                            Status.Code.INVALID_ARGUMENT,
                            () -> client().createEdge(CreateEdgeRequest.newBuilder()
                                    .setEdge(cash(
                                                    "gw-bad",
                                                    "gw-a",
                                                    "gw-b",
                                                    EdgeKind.EDGE_KIND_PURCHASE,
                                                    5e9,
                                                    "2025-10-01")
                                            .setAmountHighUsd(6e9))
                                    .build()))))
                    .containsExactly("edge.estimated");
        } finally {
            client().deleteEdge(DeleteEdgeRequest.newBuilder()
                    .setEdgeId("gw-deal")
                    .setValidTo("2000-01-01")
                    .build());
            for (String id : new String[] {"gw-a", "gw-b"}) {
                client().deleteEntity(DeleteEntityRequest.newBuilder()
                        .setEntityId(id)
                        .setValidTo("2000-01-01")
                        .build());
            }
        }
    }

    @Test
    void clearingOwesTheChosenAmountOfTheEdgesHoldingOnAsOf() {
        client().createEntity(CreateEntityRequest.newBuilder()
                .setEntity(privateEntity("cl-debtor", 10e9)
                        .setCashUsd(3e9)
                        .setCashAsOf("2025-09-30")
                        .setCashSource("https://example.org/cash"))
                .build());
        client().createEntity(CreateEntityRequest.newBuilder()
                .setEntity(privateEntity("cl-creditor", 10e9))
                .build());
        try {
            client().createEdge(CreateEdgeRequest.newBuilder()
                    .setEdge(cash("cl-deal", "cl-debtor", "cl-creditor", EdgeKind.EDGE_KIND_PURCHASE, 3e9, "2025-10-01")
                            .setEstimated(true)
                            .setAmountLowUsd(2e9)
                            .setAmountHighUsd(5e9))
                    .build());
            // valid only from 2026: a stress as of 2025-12-31 must not owe it
            client().createEdge(CreateEdgeRequest.newBuilder()
                    .setEdge(cash(
                            "cl-later", "cl-debtor", "cl-creditor", EdgeKind.EDGE_KIND_PURCHASE, 4e9, "2026-01-15"))
                    .build());
            assertThat(client().listEntityHistory(ListEntityHistoryRequest.newBuilder()
                                    .setEntityId("cl-debtor")
                                    .build())
                            .getVersions(0)
                            .getCashUsd())
                    .as("cash is stored with the version")
                    .isEqualTo(3e9);

            // resources: cash 3e9, halved to 1.5e9 by the shock; LOW owes 2e9, HIGH 5e9
            Map<String, EntityImpact> low = clearing(AmountChoice.AMOUNT_CHOICE_LOW);
            Map<String, EntityImpact> high = clearing(AmountChoice.AMOUNT_CHOICE_HIGH);
            assertFigures(low.get("cl-debtor").getClearingBaseline(), 2e9, 2e9, false);
            assertFigures(high.get("cl-debtor").getClearingBaseline(), 5e9, 3e9, true);
            assertFigures(low.get("cl-debtor").getClearingShocked(), 2e9, 1.5e9, true);
            assertFigures(high.get("cl-debtor").getClearingShocked(), 5e9, 1.5e9, true);
            assertThat(low.get("cl-creditor").getClearingBaseline().getUnpaidReceivablesUsd())
                    .isCloseTo(0, within(1.0));
            assertThat(high.get("cl-creditor").getClearingBaseline().getUnpaidReceivablesUsd())
                    .isCloseTo(2e9, within(1.0));
            assertThat(low.get("cl-creditor").getClearingShocked().getUnpaidReceivablesUsd())
                    .isCloseTo(0.5e9, within(1.0));
            assertThat(high.get("cl-creditor").getClearingShocked().getUnpaidReceivablesUsd())
                    .isCloseTo(3.5e9, within(1.0));
        } finally {
            for (String edge : new String[] {"cl-deal", "cl-later"}) {
                client().deleteEdge(DeleteEdgeRequest.newBuilder()
                        .setEdgeId(edge)
                        .setValidTo("2000-01-01")
                        .build());
            }
            for (String id : new String[] {"cl-debtor", "cl-creditor"}) {
                client().deleteEntity(DeleteEntityRequest.newBuilder()
                        .setEntityId(id)
                        .setValidTo("2000-01-01")
                        .build());
            }
        }
    }

    private Map<String, EntityImpact> clearing(AmountChoice amounts) {
        return client()
                .stress(StressRequest.newBuilder()
                        .setModel(StressModel.STRESS_MODEL_CLEARING)
                        .setAmounts(amounts)
                        .addShocks(Shock.newBuilder().setEntity("cl-debtor").setValueChange(-0.5))
                        .setAsOf("2025-12-31")
                        .build())
                .getEntitiesList()
                .stream()
                .collect(Collectors.toMap(EntityImpact::getEntity, impact -> impact));
    }

    private static void assertFigures(ClearingFigures figures, double obligations, double paid, boolean defaulted) {
        assertThat(figures.getObligationsUsd()).isCloseTo(obligations, within(1.0));
        assertThat(figures.getPaidUsd()).isCloseTo(paid, within(1.0));
        assertThat(figures.getDefaulted()).isEqualTo(defaulted);
    }

    private Edge seeded(String id) {
        return client().getEdge(GetEdgeRequest.newBuilder()
                        .setEdgeId(id)
                        .setAsOf("2025-12-31")
                        .build())
                .getEdge();
    }

    private Map<String, EntityImpact> debtRank(AmountChoice amounts) {
        return stress(StressRequest.newBuilder()
                .setModel(StressModel.STRESS_MODEL_DEBTRANK)
                .setAmounts(amounts));
    }

    private Map<String, EntityImpact> stress(StressRequest.Builder request) {
        return client()
                .stress(request.addShocks(Shock.newBuilder().setEntity("openai").setValueChange(-0.5))
                        .setAsOf("2025-12-31")
                        .build())
                .getEntitiesList()
                .stream()
                .collect(Collectors.toMap(EntityImpact::getEntity, impact -> impact));
    }

    private double amdInflow(AmountChoice amounts) {
        return client()
                .lookThrough(LookThroughRequest.newBuilder()
                        .setTarget("openai")
                        .setAsOf("2025-12-31")
                        .setAmounts(amounts)
                        .build())
                .getExposuresList()
                .stream()
                .filter(e -> e.getEntity().equals("amd"))
                .findFirst()
                .orElseThrow()
                .getContractedInflowUsd();
    }
}
