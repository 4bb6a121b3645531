package dev.capflow.gateway.rest;

import dev.capflow.gateway.problem.Problem;
import dev.capflow.gateway.rest.dto.CompareView;
import dev.capflow.gateway.rest.mapping.BasketMapping;
import dev.capflow.proto.basket.v1.CompareRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/** Two baskets side by side. */
@Path("/api/v1/compare")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Baskets")
public class CompareResource {

    private final BasketQuestions questions;
    private final CachedAnswerResponses answers;

    public CompareResource(BasketQuestions questions, CachedAnswerResponses answers) {
        this.questions = questions;
        this.answers = answers;
    }

    @GET
    @Operation(
            summary = "Compare two baskets",
            description = "Both level series over [from, to] (from defaults to the later base date, to to the latest "
                    + "close), the spread of their total returns since from (a fraction) and the ratio of their levels. Both "
                    + "are put on the union of their dates, each carrying its last level forward; a window starting on a "
                    + "day without a level starts at the next one. Levels follow the conventions of the performance "
                    + "route (base date, FX rate of each date, CRSP dividends for TOTAL). Cached "
                    + "like a performance; the last good answer is sent with X-Capflow-Stale: true while "
                    + "basket-service is down.")
    @APIResponse(
            responseCode = "200",
            description = "The comparison.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CompareView.class),
                            examples = @ExampleObject(name = "google vs openai", value = ApiExamples.COMPARISON)))
    @APIResponse(
            responseCode = "400",
            description = "A missing basket id or a bad date; violations name it.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such basket.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "413",
            description = ApiExamples.HISTORY_LIMIT_413,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<Buffer>> compare(
            @Parameter(description = "Id of basket a.", required = true, example = "team-google") @RestQuery String a,
            @Parameter(description = "Id of basket b.", required = true, example = "team-openai") @RestQuery String b,
            @Parameter(description = "First date, ISO-8601.", example = "2025-10-29") @RestQuery String from,
            @Parameter(description = "Last date, ISO-8601.", example = "2025-12-31") @RestQuery String to,
            @Parameter(
                            description =
                                    "PRICE (default) or TOTAL (cash dividends reinvested on their ex-dates, CRSP).",
                            schema = @Schema(enumeration = {"PRICE", "TOTAL"}),
                            example = "PRICE")
                    @RestQuery
                    String returnType) {
        CompareRequest request = BasketMapping.compareRequest(a, b, from, to, returnType);
        return answers.serve(questions.compare(request));
    }
}
