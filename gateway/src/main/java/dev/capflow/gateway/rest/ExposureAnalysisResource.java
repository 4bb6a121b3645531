package dev.capflow.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capflow.gateway.client.ExposureClient;
import dev.capflow.gateway.problem.Problem;
import dev.capflow.gateway.rest.dto.LookThroughView;
import dev.capflow.gateway.rest.dto.LoopsView;
import dev.capflow.gateway.rest.dto.StressInput;
import dev.capflow.gateway.rest.dto.StressView;
import dev.capflow.gateway.rest.json.JsonBodies;
import dev.capflow.gateway.rest.mapping.ExposureAnalysisMapping;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/** The analyses of the funding graph: loops, look-through exposure and stress scenarios (docs/design.md section 5). */
@Path("/api/v1/exposure")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Exposure")
public class ExposureAnalysisResource {

    /** The 422 of the analyses that need the graph's values (the problem type urn:capflow:problem:unprocessable). */
    private static final String NO_FINITE_ANSWER = "The graph has no finite answer on that date: an equity cycle "
            + "through which an entity would own nearly all of itself, or an entity whose own value is not positive "
            + "(the detail names the edges or the entity).";

    private final ExposureClient exposure;
    private final JsonBodies bodies;
    private final CachedAnswerResponses answers;

    public ExposureAnalysisResource(ExposureClient exposure, JsonBodies bodies, CachedAnswerResponses answers) {
        this.exposure = exposure;
        this.bodies = bodies;
        this.answers = answers;
    }

    @GET
    @Path("loops")
    @Operation(
            summary = "Funding loops",
            description = "The elementary cycles of the cash-flow graph (investments and purchase contracts) announced "
                    + "by asOf, each with its entities, edges and sources, bottleneck and total; and every entity's "
                    + "circular share of its inflow.")
    @APIResponse(
            responseCode = "200",
            description = "The loops.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = LoopsView.class),
                            examples = @ExampleObject(name = "seed", value = ExposureExamples.LOOPS)))
    @APIResponse(
            responseCode = "400",
            description = "A bad parameter; violations name it.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<Buffer>> loops(
            @Parameter(description = "ISO-8601 date: the graph holding then (default today).", example = "2025-12-31")
                    @RestQuery
                    String asOf,
            @Parameter(description = ExposureExamples.KNOWN_AT_DOC) @RestQuery String knownAt,
            @Parameter(
                            description = "Which figure of estimated amounts to use: LOW, BASE (default) or HIGH.",
                            example = "BASE")
                    @RestQuery
                    String amounts,
            @Parameter(
                            description = "Only loops whose bottleneck is known and at least this many USD.",
                            example = "1000000000")
                    @RestQuery
                    Double minUsd,
            @Parameter(description = "Longest loop in arcs, 1 to 50 (default 10).", example = "6") @RestQuery
                    Integer maxLength,
            @Parameter(description = "Most loops returned, 1 to 100000 (default 1000).", example = "100") @RestQuery
                    Integer limit) {
        var request = ExposureAnalysisMapping.loopsRequest(asOf, knownAt, amounts, minUsd, maxLength, limit);
        return answers.serveLastGood(
                "loops", request, () -> exposure.listLoops(request).map(ExposureAnalysisMapping::toView));
    }

    @GET
    @Path("lookthrough")
    @Operation(
            summary = "Look-through exposure to one entity",
            description = "For every other entity: the share of the target it owns directly and through chains of "
                    + "stakes, (I - S)^-1 - I, the value at stake and its fraction of the holder's own value, and the "
                    + "cash it is contracted to receive from the target relative to its revenue.")
    @APIResponse(
            responseCode = "200",
            description = "The exposures.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = LookThroughView.class),
                            examples = @ExampleObject(name = "openai", value = ExposureExamples.LOOK_THROUGH)))
    @APIResponse(
            responseCode = "400",
            description = "A missing target, one that is no entity on that date, or a bad date; violations name it.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "An entity's value cannot be obtained; the detail names it.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = NO_FINITE_ANSWER,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<Buffer>> lookThrough(
            @Parameter(description = "Target entity id.", required = true, example = "openai") @RestQuery String target,
            @Parameter(description = "ISO-8601 date: the graph holding then (default today).", example = "2025-12-31")
                    @RestQuery
                    String asOf,
            @Parameter(description = ExposureExamples.KNOWN_AT_DOC) @RestQuery String knownAt,
            @Parameter(
                            description = "Which figure of estimated amounts to use: LOW, BASE (default) or HIGH.",
                            example = "BASE")
                    @RestQuery
                    String amounts) {
        var request = ExposureAnalysisMapping.lookThroughRequest(target, asOf, knownAt, amounts);
        return answers.serveLastGood(
                "lookthrough", request, () -> exposure.lookThrough(request).map(ExposureAnalysisMapping::toView));
    }

    @POST
    @Path("stress")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Run a shock scenario",
            description = "CROSS_HOLDINGS (Elliott, Golub and Jackson 2014, optional failure cascade), DEBTRANK "
                    + "(Bardoscia et al. 2015 by default, Battiston et al. 2012 as rule 2012) or CLEARING (Eisenberg and "
                    + "Noe 2001 payment clearing, optional Rogers-Veraart default costs alpha and beta): each entity's "
                    + "relative change, value lost and failure wave (CLEARING: who defaults, what it pays and what it "
                    + "is not paid, without and with the shock), and each basket's level change through its listed "
                    + "members. Formulas: docs/stress-models.md.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = StressInput.class),
                            examples = {
                                @ExampleObject(name = "openai -50%", value = ExposureExamples.STRESS_INPUT),
                                @ExampleObject(
                                        name =
                                                "openai's resources halved (add \"alpha\" and \"beta\" for default costs)",
                                        value = ExposureExamples.CLEARING_INPUT)
                            }))
    @APIResponse(
            responseCode = "200",
            description = "The impacts.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = StressView.class),
                            examples = {
                                @ExampleObject(name = "debtrank", value = ExposureExamples.STRESS),
                                @ExampleObject(
                                        name = "clearing, openai given $200B of cash",
                                        value = ExposureExamples.CLEARING)
                            }))
    @APIResponse(
            responseCode = "400",
            description = "An unknown model or entity, a shock or option out of range, or an "
                    + "option of another model; violations name it.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "An entity's value cannot be obtained; the detail names it.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = NO_FINITE_ANSWER,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<StressView> stress(JsonNode body) {
        StressInput input = bodies.object(body, StressInput.class);
        return exposure.stress(ExposureAnalysisMapping.stressRequest(input)).map(ExposureAnalysisMapping::toView);
    }
}
