package dev.capflow.gateway.rest.dto;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a symbol's minute bars. */
@Schema(name = "MinuteBarPage")
public record MinuteBarPageView(
        @Schema(description = "Oldest first; minutes without ticks have no bar.")
        List<MinuteBarView> bars,

        @Schema(description = "The pageToken of the next page; empty on the last page.")
        String nextPageToken) {}
