package dev.capflow.gateway.rest.dto;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a symbol's tick history. */
@Schema(name = "TickPage")
public record TickPageView(
        @Schema(description = "Oldest first (by time, then source, then trade id).")
        List<TickView> ticks,

        @Schema(description = "The pageToken of the next page; empty on the last page.")
        String nextPageToken) {}
