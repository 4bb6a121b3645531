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

    /** What makes a tick unique in storage. */
    public record Key(String symbol, Instant ts, String source, String tradeId) {
    }
}
