package dev.capflow.devstack.demo;

/**
 * One cash dividend as the gateway's {@code POST /api/v1/corporate-actions} takes it: {@code amount} per share as
 * traded on {@code exDate}, in the instrument's currency.
 */
record DemoDividend(String symbol, String exDate, String kind, double amount) {

    static DemoDividend of(String symbol, String exDate, double amount) {
        return new DemoDividend(symbol, exDate, "DIVIDEND", amount);
    }
}
