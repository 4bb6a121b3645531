package dev.capflow.gateway.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One member of a basket to create or replace. */
@Schema(name = "BasketMemberInput", requiredProperties = "symbol")
public record BasketMemberInput(
        @Schema(description = "A registered instrument.", example = "GOOGL")
        String symbol,

        @Schema(
                description = "Target weight, a fraction; required for CUSTOM weighting, ignored for EQUAL.",
                example = "0.2")
        Double weight) {}
