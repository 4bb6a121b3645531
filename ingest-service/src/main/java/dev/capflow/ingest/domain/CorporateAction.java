package dev.capflow.ingest.domain;

import java.time.LocalDate;

/**
 * A split or cash dividend. {@code value} is the ratio for a SPLIT (new shares per old share, 4 for
 * 4-for-1) and the cash amount per share for a DIVIDEND (in the share basis before the ex-date).
 */
public record CorporateAction(String symbol, LocalDate exDate, CorporateActionKind kind, double value) {}
