package dev.capflow.gateway.rest.dto;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The daily bars of one symbol, oldest first, with the adjustment that was applied. */
@Schema(name = "BarSeries")
public record BarSeriesView(
        @Schema(example = "NVDA") String symbol,

        @Schema(
                enumeration = {"NONE", "SPLIT", "TOTAL_RETURN"},
                example = "SPLIT")
        String adjustment,

        List<BarView> bars) {}
