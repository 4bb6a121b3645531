package dev.capflow.gateway.rest.dto;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An entity of the funding graph with its current value (docs/funding-graph.md). */
@Schema(name = "Entity")
public record EntityView(
        @Schema(example = "openai") String id,
        @Schema(example = "OpenAI") String name,

        @Schema(
                enumeration = {"LISTED", "PRIVATE", "JV", "FUND"},
                example = "PRIVATE")
        String kind,

        @Schema(description = "The instrument that values a listed entity.", example = "NVDA")
        String ticker,

        @Schema(description = "Other symbols of the same company that baskets may hold.", example = "[\"SFTBY\"]")
        List<String> listings,

        @Schema(description = "The mark in USD (private, JV, fund).", example = "500000000000")
        Double valuationUsd,

        @Schema(example = "2025-10-02") String valuationAsOf,
        String valuationSource,

        @Schema(description = "Annual revenue in USD, when known.", example = "57400000000")
        Double revenueUsd,

        @Schema(example = "2025-05-31") String revenueAsOf,
        String revenueSource,

        @Schema(description = "Cash and cash equivalents in USD, when known.", example = "17500000000")
        Double cashUsd,

        @Schema(example = "2025-06-30") String cashAsOf,
        String cashSource,

        @Schema(description = "Optimistic-lock version, incremented on every change.", example = "0")
        long version,

        @Schema(description = "The current value; null when it cannot be obtained (see valueUnavailableReason).")
        Value value,

        @Schema(example = "no latest price for ORCL") String valueUnavailableReason,

        @Schema(description = "The date this version holds from; null for since always.", example = "2025-06-01")
        String validFrom,

        @Schema(description = "The date this version stops holding; null while it holds.")
        String validTo,

        @Schema(description = "When capflow stored this version.", example = "2026-01-05T10:00:00Z")
        String recordedAt,

        @Schema(description = "When a later record replaced it; null while current.")
        String supersededAt) {

    /** How the entity's current value was obtained. */
    @Schema(name = "EntityValue")
    public record Value(
            @Schema(example = "500000000000") double valueUsd,

            @Schema(
                    enumeration = {"MARKET_CAP", "MARK"},
                    example = "MARK")
            String method,

            @Schema(description = "MARKET_CAP: the latest price of the ticker.")
            Quote price,

            @Schema(description = "MARKET_CAP: shares outstanding.", example = "24300000000")
            Long sharesOutstanding,

            @Schema(description = "MARKET_CAP outside USD: the USD<CCY> rate used.")
            Quote fx,

            @Schema(description = "MARK: its date.", example = "2025-10-02")
            String asOf,

            @Schema(description = "MARK: where it was reported.")
            String source) {}

    /** A latest price from ingest-service. */
    @Schema(name = "Quote")
    public record Quote(
            @Schema(example = "NVDA") String symbol,
            @Schema(example = "186.5") double price,
            @Schema(example = "USD") String currency,
            @Schema(example = "2025-12-31T00:00:00Z") String ts) {}
}
