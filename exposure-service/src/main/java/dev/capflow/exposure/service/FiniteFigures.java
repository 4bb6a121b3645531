package dev.capflow.exposure.service;

import dev.capflow.exposure.domain.PreconditionException;
import dev.capflow.exposure.engine.ClearingState;
import dev.capflow.exposure.engine.Exposure;
import dev.capflow.exposure.engine.StressResult;
import java.util.List;
import java.util.Locale;

/**
 * The last check of a stress or look-through answer: every figure it carries is finite. Inputs are bounded, but a ratio
 * to a tiny revenue or value (a mark of 1e-300 USD is positive) can still overflow; such an answer is refused with
 * FAILED_PRECONDITION (PreconditionFailure type {@value #NON_FINITE}, 422 at the gateway) naming the entity and the
 * figure, never sent as Infinity.
 */
final class FiniteFigures {

    /** The PreconditionFailure type of an answer whose computation overflowed. */
    static final String NON_FINITE = "NON_FINITE";

    private FiniteFigures() {}

    /** Fails naming the first entity and figure of {@code outcome} that is not finite. */
    static void require(StressOutcome outcome) {
        StressResult result = outcome.result();
        for (int i = 0; i < result.relativeChange().length; i++) {
            check(outcome, i, "relativeChange", result.relativeChange()[i]);
            check(outcome, i, "valueLostUsd", result.valueLostUsd()[i]);
        }
        outcome.clearing().ifPresent(clearing -> {
            requireClearing(outcome, clearing.baseline(), "clearingBaseline.");
            requireClearing(outcome, clearing.shocked(), "clearingShocked.");
        });
        if (!Double.isNaN(result.debtRank()) && !Double.isFinite(result.debtRank())) {
            throw refusal("the shock", "debtRank", result.debtRank());
        }
    }

    /** Fails naming the first entity and figure of {@code result} that is not finite. */
    static void require(LookThroughResult result) {
        for (Exposure exposure : result.exposures()) {
            String entity = result.model().entity(exposure.entity()).id();
            check(entity, "directShare", exposure.directShare());
            check(entity, "totalShare", exposure.totalShare());
            check(entity, "valueAtStakeUsd", exposure.valueAtStakeUsd());
            check(entity, "fractionOfOwnValue", exposure.fractionOfOwnValue());
            check(entity, "contractedInflowUsd", exposure.contractedInflowUsd());
            check(entity, "inflowToRevenue", exposure.inflowToRevenue().orElse(0));
        }
    }

    private static void requireClearing(StressOutcome outcome, ClearingState state, String prefix) {
        for (int i = 0; i < state.paidUsd().length; i++) {
            check(outcome, i, prefix + "obligationsUsd", state.obligationsUsd()[i]);
            check(outcome, i, prefix + "paidUsd", state.paidUsd()[i]);
            check(outcome, i, prefix + "unpaidReceivablesUsd", state.unpaidReceivablesUsd()[i]);
            check(outcome, i, prefix + "unpaidToValue", state.unpaidToValue()[i]);
            check(outcome, i, prefix + "externalResourcesUsd", state.externalResourcesUsd()[i]);
            // NaN here means "no revenue to compare with" and is left out of the answer; only an overflow is refused
            if (Double.isInfinite(state.unpaidToRevenue()[i])) {
                throw refusal(outcome.model().entity(i).id(), prefix + "unpaidToRevenue", state.unpaidToRevenue()[i]);
            }
        }
    }

    private static void check(StressOutcome outcome, int entity, String figure, double value) {
        check(outcome.model().entity(entity).id(), figure, value);
    }

    private static void check(String entity, String figure, double value) {
        if (!Double.isFinite(value)) {
            throw refusal(entity, figure, value);
        }
    }

    private static PreconditionException refusal(String subject, String figure, double value) {
        return new PreconditionException(List.of(new PreconditionException.Violation(
                NON_FINITE,
                subject,
                String.format(
                        Locale.ROOT,
                        "%s of %s would be %s: a ratio to a revenue or value too small for the amounts involved "
                                + "overflows, so this analysis has no finite answer; correct the entity's figures",
                        figure,
                        subject,
                        value))));
    }
}
