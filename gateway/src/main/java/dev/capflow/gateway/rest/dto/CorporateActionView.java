package dev.capflow.gateway.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A recorded split or cash dividend; {@code ratio} is set for splits, {@code amount} for dividends. */
@Schema(name = "CorporateAction")
public record CorporateActionView(
        @Schema(example = "NVDA") String symbol,
        @Schema(format = "date", example = "2024-06-10") String exDate,

        @Schema(
                enumeration = {"SPLIT", "DIVIDEND"},
                example = "SPLIT")
        String kind,

        @Schema(example = "10") Double ratio,
        @Schema(example = "0.01") Double amount) {}
