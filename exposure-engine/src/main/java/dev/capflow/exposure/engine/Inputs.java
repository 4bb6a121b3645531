package dev.capflow.exposure.engine;

import java.util.function.IntFunction;

/** Checks of per-entity input arrays, each failure a {@link GraphException} naming the field and the entity. */
final class Inputs {

    private Inputs() {}

    /** Values in USD: one per entity, finite and > 0 (they divide relative figures). */
    static void values(String field, double[] values, int size, IntFunction<String> entity) {
        length(field, values, size);
        for (int i = 0; i < size; i++) {
            if (!(values[i] > 0 && values[i] < Double.POSITIVE_INFINITY)) {
                throw new GraphException(field, entity.apply(i), "must be a finite value > 0, got " + values[i]);
            }
        }
    }

    /** Revenues in USD: one per entity, NaN = unknown, else finite and >= 0. */
    static void revenues(double[] revenues, int size, IntFunction<String> entity) {
        amountsOrUnknown("revenues", revenues, size, entity);
    }

    /** Amounts in USD such as cash: one per entity, NaN = unknown, else finite and >= 0. */
    static void amountsOrUnknown(String field, double[] amounts, int size, IntFunction<String> entity) {
        length(field, amounts, size);
        for (int i = 0; i < size; i++) {
            if (!Double.isNaN(amounts[i]) && !(amounts[i] >= 0 && amounts[i] < Double.POSITIVE_INFINITY)) {
                throw new GraphException(
                        field, entity.apply(i), "must be NaN (unknown) or a finite amount >= 0, got " + amounts[i]);
            }
        }
    }

    /** Shocks to primary value: fractions in [-1, {@link CrossHoldings#MAX_VALUE_CHANGE}] (a value cannot fall below zero). */
    static void valueChanges(double[] valueChange, int size, IntFunction<String> entity) {
        length("shocks", valueChange, size);
        for (int i = 0; i < size; i++) {
            if (!(valueChange[i] >= -1 && valueChange[i] <= CrossHoldings.MAX_VALUE_CHANGE)) {
                throw new GraphException(
                        shockField(i),
                        entity.apply(i),
                        "a value change must be a fraction in [-1, " + CrossHoldings.MAX_VALUE_CHANGE + "], got "
                                + valueChange[i]);
            }
        }
    }

    /** Initial DebtRank relative losses in [0, 1], that is value changes in [-1, 0]. */
    static void initialLosses(double[] initialH, int size, IntFunction<String> entity) {
        length("shocks", initialH, size);
        for (int i = 0; i < size; i++) {
            if (!(initialH[i] >= 0 && initialH[i] <= 1)) {
                throw new GraphException(
                        shockField(i),
                        entity.apply(i),
                        "DebtRank takes losses only: the value change"
                                + " must be in [-1, 0], i.e. an initial relative loss in [0, 1], got a loss of "
                                + initialH[i]);
            }
        }
    }

    static void length(String field, double[] values, int size) {
        if (values.length != size) {
            throw new GraphException(
                    field, "graph", "expected one entry per entity (" + size + "), got " + values.length);
        }
    }

    private static String shockField(int entity) {
        return "shocks[" + entity + "].valueChange";
    }
}
