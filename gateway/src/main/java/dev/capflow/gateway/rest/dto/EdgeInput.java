package dev.capflow.gateway.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /exposure/edges} and {@code PUT /exposure/edges/{id}}. */
@Schema(name = "EdgeInput", requiredProperties = { "from", "to", "kind", "asOf" })
public record EdgeInput(
        @Schema(description = "Optional on POST (a random id is assigned); on PUT it must equal the path's id.",
                example = "e14-openai-oracle-purchase") String id,
        @Schema(example = "openai") String from,
        @Schema(example = "oracle") String to,
        @Schema(enumeration = { "EQUITY", "INVESTMENT", "PURCHASE", "GUARANTEE" }, example = "PURCHASE") String kind,
        @Schema(description = "USD, >= 0; absent when not disclosed.", example = "300000000000") Double amountUsd,
        @Schema(description = "EQUITY only, required there: a fraction in [0, 1].", example = "0.27") Double share,
        @Schema(description = "ISO-8601 date announced.", example = "2025-09-10") String asOf,
        String source,
        @Schema(enumeration = { "LOW", "MEDIUM", "HIGH" }, example = "HIGH") String confidence,
        Boolean estimated,
        String note,
        @Schema(example = "E14") String sourceRow,
        @Schema(description = "PUT only, required there: the version last read.", example = "0") Long version) {
}
