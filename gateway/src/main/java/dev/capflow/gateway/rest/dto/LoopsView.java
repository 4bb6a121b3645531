package dev.capflow.gateway.rest.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The funding loops of the cash-flow graph and each entity's circular share of its inflow. */
@Schema(name = "Loops")
public record LoopsView(
        List<Loop> loops,

        @Schema(description = "True when the limit was reached and more loops exist.")
        boolean truncated,

        List<CircularShare> circularShares) {

    /** One elementary cycle: its entities in order (the last leads back to the first) and the edges of its arcs. */
    @Schema(name = "Loop")
    @JsonInclude(JsonInclude.Include.ALWAYS) // an undisclosed bottleneck is an explicit null
    public record Loop(
            @Schema(example = "[\"nvidia\", \"openai\", \"oracle\"]")
            List<String> entities,

            List<EdgeView> edges,

            @Schema(
                    description = "Smallest arc amount in USD; null when some arc's amount is not disclosed.",
                    example = "40000000000")
            Double bottleneckUsd,

            @Schema(description = "Sum of the known arc amounts in USD.", example = "440000000000")
            double totalUsd) {}

    /** Known cash inflow on arcs that lie on some loop, over all known cash inflow. */
    @Schema(name = "CircularShare")
    public record CircularShare(
            @Schema(example = "oracle") String entity,

            @Schema(
                    description = "Known inflow on arcs that lie on some loop this query keeps (maxLength, minUsd; not "
                            + "limit) over all known inflow.",
                    example = "1.0")
            double circularShare) {}
}
