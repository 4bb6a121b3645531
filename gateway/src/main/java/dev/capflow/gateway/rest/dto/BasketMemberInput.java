package dev.capflow.gateway.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One member of a basket to create or replace. */
@Schema(name = "BasketMemberInput", requiredProperties = "symbol", additionalProperties = Schema.False.class)
public record BasketMemberInput(
        @Schema(
                description = "A registered instrument: letters, digits and . - = ^, at most 32 characters.",
                example = "GOOGL")
        String symbol,

        @Schema(
                description = "Target weight, a fraction; required for CUSTOM weighting (the weights sum to 1 within "
                        + "1e-9). EQUAL sets every weight to 1/n: leave it out (a weight other than 1/n is refused).",
                example = "0.2")
        Double weight) {}
