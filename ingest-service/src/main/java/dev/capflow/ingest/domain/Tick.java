package dev.capflow.ingest.domain;

import java.time.Instant;

/**
 * One validated intraday trade or quote; {@code ts} carries microsecond precision, as stored. {@code source} and
 * {@code tradeId} identify the trade ("" when unknown): together with symbol and ts they are its storage key.
 */
public record Tick(String symbol, Instant ts, double price, long size, String source, String tradeId) {

    /** A tick without a source identity: stored once per symbol and microsecond. */
    public Tick(String symbol, Instant ts, double price, long size) {
        this(symbol, ts, price, size, "", "");
    }

    /** The storage key: a tick with the same key is a resend of this one. */
    public Key key() {
        return new Key(symbol, ts, source, tradeId);
    }

    /** Where this tick sorts in a symbol's history: history reads go by time, then source, then trade id. */
    public Position position() {
        return new Position(ts, source, tradeId);
    }

    /** A place in one symbol's history, in the order history reads return ticks. */
    public record Position(Instant ts, String source, String tradeId) {}

    /** What makes a tick unique in storage. */
    public record Key(String symbol, Instant ts, String source, String tradeId) {}
}
