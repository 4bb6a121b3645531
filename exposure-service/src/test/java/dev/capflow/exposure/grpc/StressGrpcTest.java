package dev.capflow.exposure.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.capflow.exposure.fake.FakeDownstreams;
import dev.capflow.proto.exposure.v1.BasketImpact;
import dev.capflow.proto.exposure.v1.ClearingFigures;
import dev.capflow.proto.exposure.v1.CreateEntityRequest;
import dev.capflow.proto.exposure.v1.DebtRankRule;
import dev.capflow.proto.exposure.v1.Entity;
import dev.capflow.proto.exposure.v1.EntityImpact;
import dev.capflow.proto.exposure.v1.EntityKind;
import dev.capflow.proto.exposure.v1.GetEntityRequest;
import dev.capflow.proto.exposure.v1.Shock;
import dev.capflow.proto.exposure.v1.StressModel;
import dev.capflow.proto.exposure.v1.StressOptions;
import dev.capflow.proto.exposure.v1.StressRequest;
import dev.capflow.proto.exposure.v1.StressResponse;
import dev.capflow.proto.exposure.v1.UpdateEntityRequest;
import dev.capflow.testsupport.FiniteNumbers;
import dev.capflow.testsupport.PostgresRedisResource;
import io.grpc.Status;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Stress tests on the seed graph, valued from the demo market, with the demo baskets' weights from a fake basket-service. */
@QuarkusTest
@QuarkusTestResource(PostgresRedisResource.class)
@QuarkusTestResource(FakeDownstreams.class)
class StressGrpcTest extends GrpcTestBase {

    @AfterEach
    void restoreDownstreams() {
        FakeDownstreams.ingest().restorePrices();
        FakeDownstreams.ingest().setDown(false);
        FakeDownstreams.baskets().setDown(false);
    }

    @Test
    void halvingOpenAiRevaluesItsHoldersThroughTheCrossHoldings() {
        int pricesCalls = FakeDownstreams.ingest().priceCalls();
        StressResponse answer =
                FiniteNumbers.assertFinite(client().stress(openAiShock(StressModel.STRESS_MODEL_CROSS_HOLDINGS, -0.5)
                        .build()));
        assertThat(FakeDownstreams.ingest().priceCalls())
                .as("one batched price call")
                .isEqualTo(pricesCalls + 1);

        Map<String, EntityImpact> impacts = byEntity(answer);
        assertThat(answer.getModel()).isEqualTo(StressModel.STRESS_MODEL_CROSS_HOLDINGS);
        assertThat(answer.hasDebtRank()).isFalse();
        assertThat(impacts.get("openai").getValueUsd()).isEqualTo(500e9);
        assertThat(impacts.get("nvidia").getValueUsd()).isCloseTo(186.5 * 24_300_000_000L, within(1.0));
        // E = P + S E: OpenAI's primary value excludes its 9.86% of AMD and 1.45% of CoreWeave, and Microsoft holds
        // 27% of OpenAI
        double amd = impacts.get("amd").getValueUsd();
        double openAiLoss =
                -0.5 * (500e9 - 0.0986 * amd - 0.0145 * impacts.get("coreweave").getValueUsd());
        assertThat(impacts.get("openai").getValueLostUsd()).isCloseTo(openAiLoss, within(1e-3));
        assertThat(impacts.get("openai").getRelativeChange()).isCloseTo(openAiLoss / 500e9, within(1e-12));
        EntityImpact microsoft = impacts.get("microsoft");
        assertThat(microsoft.getValueLostUsd()).isCloseTo(0.27 * openAiLoss, within(1e-3));
        assertThat(microsoft.getRelativeChange()).isCloseTo(0.27 * openAiLoss / microsoft.getValueUsd(), within(1e-12));
        assertThat(impacts.get("softbank").getValueLostUsd()).isCloseTo(0.11 * openAiLoss, within(1e-3));
        // AMD's value does not depend on who holds it, and no one holds Oracle
        assertThat(impacts.get("amd").getRelativeChange()).isZero();
        assertThat(impacts.get("oracle").getRelativeChange()).isZero();
        assertThat(impacts.values()).noneMatch(EntityImpact::hasFailedInWave);
        assertThat(answer.getEntities(0).getEntity()).as("largest loss first").isEqualTo("openai");

        assertThat(answer.getBasketsUnavailable()).isEmpty();
        BasketImpact openAiTeam = basket(answer, "team-openai");
        BasketImpact googleTeam = basket(answer, "team-google");
        assertThat(openAiTeam.getLevelChange()).isNegative().isLessThan(googleTeam.getLevelChange());
        // the level moves by each member's current weight times its entity's change (SFTBY is SoftBank's listing)
        double expected = openAiTeam.getMembersList().stream()
                .mapToDouble(m -> m.getCurrentWeight()
                        * (m.getEntity().isEmpty()
                                ? 0
                                : impacts.get(m.getEntity()).getRelativeChange()))
                .sum();
        assertThat(openAiTeam.getLevelChange()).isCloseTo(expected, within(1e-15));
        assertThat(openAiTeam.getMembersList())
                .filteredOn(m -> m.getSymbol().equals("SFTBY"))
                .singleElement()
                .satisfies(m -> assertThat(m.getEntity()).isEqualTo("softbank"));
        assertThat(openAiTeam.getMembersList().stream()
                        .mapToDouble(m -> m.getCurrentWeight())
                        .sum())
                .isCloseTo(1, within(1e-12));
        assertThat(googleTeam.getMembersList())
                .filteredOn(m -> m.getSymbol().equals("CLS"))
                .singleElement()
                .satisfies(m -> assertThat(m.getEntity()).isEmpty());
    }

    @Test
    void halvingOpenAiUnderDebtRankHurtsTeamOpenAiMoreThanTeamGoogle() {
        for (DebtRankRule rule :
                new DebtRankRule[] {DebtRankRule.DEBT_RANK_RULE_LINEAR_2015, DebtRankRule.DEBT_RANK_RULE_ORIGINAL_2012
                }) {
            StressResponse answer =
                    FiniteNumbers.assertFinite(client().stress(openAiShock(StressModel.STRESS_MODEL_DEBTRANK, -0.5)
                            .setOptions(StressOptions.newBuilder().setDebtrankRule(rule))
                            .build()));
            Map<String, EntityImpact> impacts = byEntity(answer);
            assertThat(answer.getModel()).isEqualTo(StressModel.STRESS_MODEL_DEBTRANK);
            assertThat(answer.getConverged()).isTrue();
            assertThat(answer.getDebtRank()).as(rule.name()).isPositive();
            assertThat(impacts.get("openai").getRelativeChange()).isLessThanOrEqualTo(-0.5);
            // Oracle is owed $300B by OpenAI
            assertThat(impacts.get("oracle").getRelativeChange())
                    .as(rule.name())
                    .isNegative();
            assertThat(impacts.values()).allSatisfy(i -> {
                assertThat(i.getRelativeChange()).isBetween(-1.0, 0.0);
                assertThat(i.getValueLostUsd()).isCloseTo(i.getRelativeChange() * i.getValueUsd(), within(1e-3));
            });
            assertThat(basket(answer, "team-openai").getLevelChange())
                    .as(rule.name())
                    .isLessThan(basket(answer, "team-google").getLevelChange());
        }
    }

    /**
     * OpenAI with a hypothetical $200B of cash (the seed records none) and no revenue has 200 + 13 (Microsoft) + 100
     * (Nvidia) = $313B for $1,187.4B of obligations at the BASE amounts (Nvidia 325, Oracle 300, Microsoft 250, Broadcom
     * 200, AMD 90, CoreWeave 22.4); SoftBank (no revenue, no cash) pays none of its $30B. Halving OpenAI's resources
     * leaves it $213B, which its creditors share pro rata.
     */
    @Test
    void halvingOpenAisResourcesUnderClearingLeavesItsCreditorsUnpaidProRata() {
        Entity openai = client().getEntity(
                        GetEntityRequest.newBuilder().setEntityId("openai").build())
                .getEntity();
        Entity withCash = client().updateEntity(UpdateEntityRequest.newBuilder()
                        .setEntity(openai.toBuilder().clearValue().setCashUsd(200e9))
                        .build())
                .getEntity();
        try {
            StressResponse answer = FiniteNumbers.assertFinite(client().stress(
                            openAiShock(StressModel.STRESS_MODEL_CLEARING, -0.5).build()));
            Map<String, EntityImpact> impacts = byEntity(answer);
            assertThat(answer.getModel()).isEqualTo(StressModel.STRESS_MODEL_CLEARING);
            assertThat(answer.hasDebtRank()).isFalse();
            assertThat(answer.getConverged()).isTrue();
            double obligations = 1187.4e9;

            ClearingFigures before = impacts.get("openai").getClearingBaseline();
            ClearingFigures after = impacts.get("openai").getClearingShocked();
            assertThat(before.getObligationsUsd()).isCloseTo(obligations, within(1.0));
            assertThat(before.getExternalResourcesUsd()).isEqualTo(200e9);
            assertThat(before.getPaidUsd()).isCloseTo(313e9, within(1e-3));
            assertThat(before.getDefaulted()).isTrue();
            assertThat(after.getExternalResourcesUsd()).isEqualTo(100e9);
            assertThat(after.getPaidUsd()).isCloseTo(213e9, within(1e-3));
            assertThat(impacts.get("openai").getRelativeChange())
                    .as("nobody OpenAI is owed by pays less")
                    .isZero();

            double lostShare = 100e9 / obligations;
            for (var creditor : Map.of("oracle", 300e9, "microsoft", 250e9, "coreweave", 22.4e9)
                    .entrySet()) {
                EntityImpact impact = impacts.get(creditor.getKey());
                double lost = creditor.getValue() * lostShare;
                assertThat(impact.getClearingShocked().getUnpaidReceivablesUsd()
                                - impact.getClearingBaseline().getUnpaidReceivablesUsd())
                        .as(creditor.getKey())
                        .isCloseTo(lost, within(1e-3));
                assertThat(impact.getValueLostUsd()).as(creditor.getKey()).isCloseTo(-lost, within(1e-3));
                assertThat(impact.getRelativeChange()).isCloseTo(-lost / impact.getValueUsd(), within(1e-15));
                assertThat(impact.getClearingShocked().getUnpaidToValue())
                        .isCloseTo(
                                impact.getClearingShocked().getUnpaidReceivablesUsd() / impact.getValueUsd(),
                                within(1e-15));
                assertThat(impact.getClearingShocked().getDefaulted()).isFalse();
            }
            EntityImpact oracle = impacts.get("oracle");
            assertThat(oracle.getClearingShocked().getUnpaidToRevenue())
                    .isCloseTo(oracle.getClearingShocked().getUnpaidReceivablesUsd() / 57.4e9, within(1e-12));
            assertThat(oracle.getClearingShocked().getUnpaidReceivablesUsd())
                    .isCloseTo(300e9 * (1 - 213e9 / obligations), within(1e-3));
            assertThat(answer.getEntities(0).getEntity())
                    .as("Nvidia is owed the most (E13 at BASE)")
                    .isEqualTo("nvidia");
            ClearingFigures softbank = impacts.get("softbank").getClearingShocked();
            assertThat(softbank.getObligationsUsd()).isEqualTo(30e9);
            assertThat(softbank.getPaidUsd()).isZero();
            assertThat(softbank.getDefaulted()).isTrue();
            assertThat(softbank.hasUnpaidToRevenue())
                    .as("SoftBank's revenue is unknown")
                    .isFalse();
            ClearingFigures nvidia = impacts.get("nvidia").getClearingShocked();
            assertThat(nvidia.getDefaulted()).isFalse();
            assertThat(nvidia.getPaidUsd())
                    .isEqualTo(nvidia.getObligationsUsd())
                    .isCloseTo(111.3e9, within(1.0));
            assertThat(impacts.values()).noneMatch(EntityImpact::hasFailedInWave);
            assertThat(basket(answer, "team-openai").getLevelChange())
                    .isNegative()
                    .isLessThan(basket(answer, "team-google").getLevelChange());

            // default costs: a defaulting OpenAI realises half its cash (alpha) and passes on all it is paid (beta = 1)
            StressResponse costly = client().stress(openAiShock(StressModel.STRESS_MODEL_CLEARING, -0.5)
                    .setOptions(StressOptions.newBuilder().setAlpha(0.5).setHorizonYears(3))
                    .build());
            ClearingFigures costlyOpenai = byEntity(costly).get("openai").getClearingShocked();
            assertThat(costlyOpenai.getPaidUsd()).isCloseTo(0.5 * 100e9 + 113e9, within(1e-3));
            assertThat(byEntity(costly).get("oracle").getClearingBaseline().getExternalResourcesUsd())
                    .isCloseTo(3 * 57.4e9, within(1e-3));
        } finally {
            Entity current = client().getEntity(
                            GetEntityRequest.newBuilder().setEntityId("openai").build())
                    .getEntity();
            client().updateEntity(UpdateEntityRequest.newBuilder()
                    .setEntity(current.toBuilder().clearValue().clearCashUsd())
                    .build());
        }
        assertThat(withCash.getCashUsd()).isEqualTo(200e9);
    }

    @Test
    void aZeroShockChangesNothingInAnyModel() {
        for (StressModel model : new StressModel[] {
            StressModel.STRESS_MODEL_CROSS_HOLDINGS,
            StressModel.STRESS_MODEL_DEBTRANK,
            StressModel.STRESS_MODEL_CLEARING
        }) {
            StressResponse answer = FiniteNumbers.assertFinite(
                    client().stress(openAiShock(model, 0).build()));
            assertThat(answer.getEntitiesList()).as(model.name()).isNotEmpty().allSatisfy(i -> {
                assertThat(i.getRelativeChange()).isZero();
                assertThat(i.getValueLostUsd()).isZero();
            });
            assertThat(answer.getBasketsList())
                    .hasSize(2)
                    .allSatisfy(b -> assertThat(b.getLevelChange()).isZero());
        }
    }

    @Test
    void aFailureThresholdMakesTheShockedEntityFailInTheFirstWave() {
        StressResponse answer = client().stress(openAiShock(StressModel.STRESS_MODEL_CROSS_HOLDINGS, -0.5)
                .setOptions(StressOptions.newBuilder().setTheta(0.9).setBeta(0.1))
                .build());
        EntityImpact openai = byEntity(answer).get("openai");
        assertThat(openai.getFailedInWave()).isZero();
        assertThat(answer.getWaves()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void withBasketServiceDownTheEntitiesAreStillAnswered() {
        FakeDownstreams.baskets().setDown(true);
        StressResponse answer = client().stress(openAiShock(StressModel.STRESS_MODEL_CROSS_HOLDINGS, -0.5)
                .build());
        assertThat(answer.getBasketsList()).isEmpty();
        assertThat(answer.getBasketsUnavailable()).contains("basket-service unavailable");
        assertThat(byEntity(answer).get("microsoft").getRelativeChange()).isNegative();
    }

    @Test
    void anEntityWithoutAPriceIsAFailedPreconditionNamingIt() throws Exception {
        FakeDownstreams.ingest().hidePrice("ORCL");
        var error = failure(
                Status.Code.FAILED_PRECONDITION,
                () -> client().stress(openAiShock(StressModel.STRESS_MODEL_CROSS_HOLDINGS, -0.5)
                        .build()));
        assertThat(error.getStatus().getDescription()).isEqualTo("oracle: no latest price for ORCL");
        assertThat(preconditions(error)).singleElement().satisfies(v -> {
            assertThat(v.getType()).isEqualTo("VALUE");
            assertThat(v.getSubject()).isEqualTo("oracle");
            assertThat(v.getDescription()).isEqualTo("no latest price for ORCL");
        });
        // the entity itself is still answered, with the reason in place of its value
        var oracle = client().getEntity(
                        GetEntityRequest.newBuilder().setEntityId("oracle").build())
                .getEntity();
        assertThat(oracle.hasValue()).isFalse();
        assertThat(oracle.getValueUnavailableReason()).isEqualTo("no latest price for ORCL");
    }

    @Test
    void withIngestServiceDownAStressIsUnavailableAndAnEntityStillAnswers() {
        FakeDownstreams.ingest().setDown(true);
        failure(
                Status.Code.UNAVAILABLE,
                () -> client().stress(openAiShock(StressModel.STRESS_MODEL_CROSS_HOLDINGS, -0.5)
                        .build()));
        var nvidia = client().getEntity(
                        GetEntityRequest.newBuilder().setEntityId("nvidia").build())
                .getEntity();
        assertThat(nvidia.hasValue()).isFalse();
        assertThat(nvidia.getValueUnavailableReason()).contains("ingest-service");
        // a listed entity's ticker cannot be checked against the registry, so it is not stored unchecked
        failure(
                Status.Code.UNAVAILABLE,
                () -> client().createEntity(CreateEntityRequest.newBuilder()
                        .setEntity(Entity.newBuilder()
                                .setId("unchecked")
                                .setName("Unchecked")
                                .setKind(EntityKind.ENTITY_KIND_LISTED)
                                .setTicker("QQQ"))
                        .build()));
        failure(
                Status.Code.NOT_FOUND,
                () -> client().getEntity(GetEntityRequest.newBuilder()
                        .setEntityId("unchecked")
                        .build()));
    }

    @Test
    void badScenariosNameTheirFields() throws Exception {
        StressRequest.Builder valid = openAiShock(StressModel.STRESS_MODEL_CROSS_HOLDINGS, -0.5);
        assertFields(
                valid.clone().addShocks(shock("nvidia", -0.1)).addShocks(shock("oracle", Double.NaN)),
                "shocks[2].value_change");
        assertFields(valid.clone().addShocks(shock("nvidia", -1.5)), "shocks[1].value_change");
        assertFields(valid.clone().addShocks(shock("nvidia", Double.POSITIVE_INFINITY)), "shocks[1].value_change");
        assertFields(valid.clone().addShocks(shock("openai", -0.1)), "shocks[1].entity");
        assertFields(valid.clone().addShocks(shock("", -0.1)), "shocks[1].entity");
        assertFields(valid.clone().clearShocks(), "shocks");
        assertFields(valid.clone().setModel(StressModel.STRESS_MODEL_UNSPECIFIED), "model");
        assertFields(valid.clone().setModelValue(99), "model");
        assertFields(
                valid.clone()
                        .setOptions(StressOptions.newBuilder().setTheta(1.5).setBeta(-1)),
                "options.theta");
        assertFields(valid.clone().setOptions(StressOptions.newBuilder().setBeta(Double.NaN)), "options.beta");
        // a failure cost of 1e308 overflowed the lost values and answered NaN
        assertFields(
                valid.clone()
                        .setOptions(StressOptions.newBuilder().setTheta(0.5).setBeta(1e308)),
                "options.beta");
        assertFields(
                valid.clone().setOptions(StressOptions.newBuilder().setDebtrankRuleValue(7)), "options.debtrank_rule");
        assertFields(valid.clone().setAsOf("soon"), "as_of");
        assertFields(openAiShock(StressModel.STRESS_MODEL_DEBTRANK, 0.2), "shocks[0].value_change");
        StressRequest.Builder clearing = openAiShock(StressModel.STRESS_MODEL_CLEARING, -0.5);
        assertFields(clearing.clone().setOptions(StressOptions.newBuilder().setAlpha(0)), "options.alpha");
        assertFields(
                clearing.clone().setOptions(StressOptions.newBuilder().setClearingBeta(1.5)), "options.clearing_beta");
        assertFields(
                clearing.clone().setOptions(StressOptions.newBuilder().setHorizonYears(Double.NaN)),
                "options.horizon_years");
        assertFields(clearing.clone().addShocks(shock("nvidia", -1.5)), "shocks[1].value_change");
        // an option of another model is refused, not ignored
        assertFields(
                clearing.clone()
                        .setOptions(StressOptions.newBuilder()
                                .setTheta(0.5)
                                .setBeta(0.3)
                                .setDebtrankRule(DebtRankRule.DEBT_RANK_RULE_ORIGINAL_2012)),
                "options.theta",
                "options.beta",
                "options.debtrank_rule");
        assertFields(
                valid.clone()
                        .setOptions(StressOptions.newBuilder()
                                .setAlpha(0.5)
                                .setClearingBeta(0.5)
                                .setHorizonYears(3)),
                "options.alpha",
                "options.clearing_beta",
                "options.horizon_years");
        assertFields(
                openAiShock(StressModel.STRESS_MODEL_DEBTRANK, -0.5)
                        .setOptions(StressOptions.newBuilder().setTheta(0.5).setAlpha(0.5)),
                "options.theta",
                "options.alpha");
        assertFields(
                valid.clone()
                        .setOptions(
                                StressOptions.newBuilder().setDebtrankRule(DebtRankRule.DEBT_RANK_RULE_LINEAR_2015)),
                "options.debtrank_rule");
        // known only once the graph is read
        assertFields(valid.clone().addShocks(shock("nobody", -0.1)), "shocks[1].entity");
    }

    private void assertFields(StressRequest.Builder request, String... fields) throws Exception {
        var error = failure(Status.Code.INVALID_ARGUMENT, () -> client().stress(request.build()));
        assertThat(violatedFields(error)).as(error.getStatus().toString()).contains(fields);
    }

    private static StressRequest.Builder openAiShock(StressModel model, double change) {
        return StressRequest.newBuilder()
                .setModel(model)
                .addShocks(shock("openai", change))
                .setAsOf("2025-12-31");
    }

    private static Shock shock(String entity, double change) {
        return Shock.newBuilder().setEntity(entity).setValueChange(change).build();
    }

    private static Map<String, EntityImpact> byEntity(StressResponse answer) {
        return answer.getEntitiesList().stream().collect(Collectors.toMap(EntityImpact::getEntity, i -> i));
    }

    private static BasketImpact basket(StressResponse answer, String id) {
        return answer.getBasketsList().stream()
                .filter(b -> b.getBasketId().equals(id))
                .findFirst()
                .orElseThrow();
    }
}
