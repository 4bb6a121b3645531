package dev.capflow.gateway.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /corporate-actions}: a split (with its ratio) or a cash dividend (with its amount). */
@Schema(
        name = "CorporateActionInput",
        additionalProperties = Schema.False.class,
        description = "A split or a cash dividend.",
        requiredProperties = {"symbol", "exDate", "kind"})
public record CorporateActionInput(
        @Schema(example = "NVDA") String symbol,

        @Schema(format = "date", description = "First session without the split or dividend.", example = "2024-06-10")
        String exDate,

        @Schema(
                enumeration = {"SPLIT", "DIVIDEND"},
                example = "SPLIT")
        String kind,

        @Schema(description = "SPLIT only: new shares per old share (4 for 4-for-1, 0.1 for 1-for-10).", example = "10")
        Double ratio,

        @Schema(description = "DIVIDEND only: cash per share in the instrument's currency.", example = "0.01")
        Double amount) {}
