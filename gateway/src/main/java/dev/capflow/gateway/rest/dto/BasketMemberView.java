package dev.capflow.gateway.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One member of a stored basket with its target weight. */
@Schema(name = "BasketMember")
public record BasketMemberView(
        @Schema(example = "GOOGL") String symbol,

        @Schema(description = "Target weight, a fraction (1/n for EQUAL weighting).", example = "0.2")
        double weight) {}
