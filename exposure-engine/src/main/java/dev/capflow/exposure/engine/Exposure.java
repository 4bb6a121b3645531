package dev.capflow.exposure.engine;

import java.util.OptionalDouble;

/**
 * One entity's exposure to a look-through target T: its {@code directShare} of T, its {@code totalShare} through
 * every chain of holdings ({@code S_total[i][T]}, direct share included), {@code valueAtStakeUsd} = totalShare x value(T),
 * {@code fractionOfOwnValue} = valueAtStake / own value, {@code contractedInflowUsd} = known PURCHASE and INVESTMENT
 * amounts T -> entity, and {@code inflowToRevenue} = that inflow / the entity's revenue when the revenue is known and
 * positive.
 */
public record Exposure(
        int entity,
        double directShare,
        double totalShare,
        double valueAtStakeUsd,
        double fractionOfOwnValue,
        double contractedInflowUsd,
        OptionalDouble inflowToRevenue) {}
