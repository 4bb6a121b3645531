package dev.capflow.gateway.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code PUT /instruments/{symbol}}; the symbol comes from the path. */
@Schema(
        name = "InstrumentInput",
        additionalProperties = Schema.False.class,
        description = "An instrument of the registry.",
        requiredProperties = {"name", "currency", "exchange", "kind"})
public record InstrumentInput(
        @Schema(description = "Optional; when given it must equal the symbol of the path.", example = "NVDA")
        String symbol,

        @Schema(description = "At most 200 characters.", example = "NVIDIA Corporation")
        String name,

        @Schema(description = "ISO 4217 currency of the prices.", example = "USD")
        String currency,

        @Schema(description = "At most 64 characters.", example = "NASDAQ")
        String exchange,

        @Schema(
                enumeration = {"EQUITY", "FX", "INDEX"},
                example = "EQUITY")
        String kind,

        @Schema(
                description = "A positive count; absent when unknown or not applicable (0 is refused: it would value "
                        + "the company at 0).",
                example = "24300000000")
        Long sharesOutstanding) {}
