package dev.capflow.gateway.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /exposure/edges} and {@code PUT /exposure/edges/{id}}. */
@Schema(
        name = "EdgeInput",
        additionalProperties = Schema.False.class,
        requiredProperties = {"from", "to", "kind", "asOf"})
public record EdgeInput(
        @Schema(
                description = "Optional on POST (a random id is assigned); on PUT it must equal the path's id.",
                example = "e14-openai-oracle-purchase")
        String id,

        @Schema(example = "openai") String from,
        @Schema(example = "oracle") String to,

        @Schema(
                enumeration = {"EQUITY", "INVESTMENT", "PURCHASE", "GUARANTEE"},
                example = "PURCHASE")
        String kind,

        @Schema(description = "USD, >= 0; absent when not disclosed.", example = "300000000000")
        Double amountUsd,

        @Schema(description = "EQUITY only, required there: a fraction in [0, 1].", example = "0.27")
        Double share,

        @Schema(
                description =
                        "ISO-8601 date announced or taken effect: the version holds from it; a later date than the "
                                + "stored one amends (the old terms hold until then), the same or an earlier one corrects.",
                example = "2025-09-10")
        String asOf,

        String source,

        @Schema(
                enumeration = {"LOW", "MEDIUM", "HIGH"},
                example = "HIGH")
        String confidence,

        Boolean estimated,
        String note,
        @Schema(example = "E14") String sourceRow,

        @Schema(description = "PUT only, required there: the version last read.", example = "0")
        Long version,

        @Schema(description = "Estimated amounts: the low end (<= amountUsd).", example = "150000000000")
        Double amountLowUsd,

        @Schema(description = "Estimated amounts: the high end (>= amountUsd).", example = "500000000000")
        Double amountHighUsd,

        @Schema(
                description =
                        "The commitment in gigawatts; without amountUsd it is converted with its kind's $/GW range.",
                example = "10")
        Double capacityGw,

        @Schema(
                enumeration = {"ACCELERATORS", "CUSTOM_CHIPS", "CLOUD_CAPACITY"},
                example = "ACCELERATORS")
        String capacityKind) {}
