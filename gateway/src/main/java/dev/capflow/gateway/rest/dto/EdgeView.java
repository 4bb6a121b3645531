package dev.capflow.gateway.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A directed edge of the funding graph, with the date it was announced and its source. */
@Schema(name = "Edge")
public record EdgeView(
        @Schema(example = "e14-openai-oracle-purchase") String id,
        @Schema(example = "openai") String from,
        @Schema(example = "oracle") String to,

        @Schema(
                enumeration = {"EQUITY", "INVESTMENT", "PURCHASE", "GUARANTEE"},
                example = "PURCHASE")
        String kind,

        @Schema(description = "USD; null when not disclosed.", example = "300000000000")
        Double amountUsd,

        @Schema(description = "EQUITY: the fraction of `to` that `from` owns.", example = "0.27")
        Double share,

        @Schema(description = "Date announced or taken effect: this version holds from it.", example = "2025-09-10")
        String asOf,

        @Schema(description = "Where the fact was reported.")
        String source,

        @Schema(
                enumeration = {"LOW", "MEDIUM", "HIGH"},
                example = "HIGH")
        String confidence,

        @Schema(description = "True when derived under a stated assumption (see note).")
        boolean estimated,

        String note,

        @Schema(description = "Reference in the curated data.", example = "E14")
        String sourceRow,

        @Schema(example = "0") long version,

        @Schema(description = "Estimated amounts: the low end of the range, USD.", example = "150000000000")
        Double amountLowUsd,

        @Schema(description = "Estimated amounts: the high end of the range, USD.", example = "500000000000")
        Double amountHighUsd,

        @Schema(description = "The commitment in gigawatts, when stated so.", example = "10")
        Double capacityGw,

        @Schema(
                enumeration = {"ACCELERATORS", "CUSTOM_CHIPS", "CLOUD_CAPACITY"},
                example = "ACCELERATORS")
        String capacityKind,

        @Schema(description = "The date this version stops holding; null while it holds.", example = "2025-12-09")
        String validTo,

        @Schema(description = "When capflow stored this version.", example = "2026-01-05T10:00:00Z")
        String recordedAt,

        @Schema(description = "When a later record replaced it; null while current.")
        String supersededAt) {}
