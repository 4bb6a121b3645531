package dev.capflow.gateway.rest.dto;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code PUT /exposure/entities/{id}}: without a version it creates, with one it replaces. */
@Schema(
        name = "EntityInput",
        additionalProperties = Schema.False.class,
        requiredProperties = {"name", "kind"})
public record EntityInput(
        @Schema(example = "OpenAI") String name,

        @Schema(
                enumeration = {"LISTED", "PRIVATE", "JV", "FUND"},
                example = "PRIVATE")
        String kind,

        @Schema(description = "LISTED: the instrument that values it (required).", example = "NVDA")
        String ticker,

        @Schema(description = "Other symbols of the same company.", example = "[\"SFTBY\"]")
        List<String> listings,

        @Schema(
                description = "PRIVATE, JV, FUND: the mark in USD (required, > 0), given with its valuationAsOf.",
                example = "500000000000")
        Double valuationUsd,

        @Schema(
                description = "ISO-8601 date of the mark: required with valuationUsd, refused without it.",
                example = "2025-10-02")
        String valuationAsOf,

        String valuationSource,

        @Schema(description = "Annual revenue in USD (>= 0).", example = "13000000000")
        Double revenueUsd,

        @Schema(example = "2025-12-31") String revenueAsOf,
        String revenueSource,

        @Schema(
                description = "Cash and cash equivalents in USD (>= 0): with revenue, the external resources of the "
                        + "CLEARING stress model.",
                example = "17500000000")
        Double cashUsd,

        @Schema(description = "The date of the cash figure.", example = "2025-06-30")
        String cashAsOf,

        @Schema(description = "Where the cash figure was reported (URL).")
        String cashSource,

        @Schema(description = "Absent to create; the version last read to replace (optimistic lock).", example = "0")
        Long version,

        @Schema(
                description = "ISO-8601 date the definition holds from (absent: since always); a later date than the "
                        + "stored one amends, the same or an earlier one corrects.",
                example = "2025-12-01")
        String validFrom) {}
