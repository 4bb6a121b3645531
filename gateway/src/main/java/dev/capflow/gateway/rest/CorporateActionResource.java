package dev.capflow.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capflow.gateway.client.IngestClient;
import dev.capflow.gateway.problem.Problem;
import dev.capflow.gateway.rest.dto.CorporateActionInput;
import dev.capflow.gateway.rest.dto.CorporateActionView;
import dev.capflow.gateway.rest.json.JsonBodies;
import dev.capflow.gateway.rest.mapping.CorporateActionMapping;
import dev.capflow.proto.ingest.v1.AddCorporateActionRequest;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

/** Records splits and cash dividends, which the adjusted bar series are computed from (listed under /prices). */
@Path("/api/v1/corporate-actions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Corporate actions", description = "Splits and cash dividends used to adjust daily bars.")
public class CorporateActionResource {

    private final IngestClient ingest;
    private final JsonBodies bodies;

    public CorporateActionResource(IngestClient ingest, JsonBodies bodies) {
        this.ingest = ingest;
        this.bodies = bodies;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Record a split or a dividend",
            description =
                    "A SPLIT carries ratio (new shares per old share), a DIVIDEND carries amount (cash per share). "
                            + "Recording the same symbol, exDate and kind again changes nothing and answers 200.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CorporateActionInput.class),
                            examples = {
                                @ExampleObject(name = "split", value = ApiExamples.SPLIT_INPUT),
                                @ExampleObject(name = "dividend", value = ApiExamples.DIVIDEND_INPUT)
                            }))
    @APIResponse(
            responseCode = "201",
            description = "Recorded.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CorporateActionView.class),
                            examples = @ExampleObject(name = "split", value = ApiExamples.SPLIT)))
    @APIResponse(
            responseCode = "200",
            description = "Already recorded; nothing changed.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CorporateActionView.class),
                            examples = @ExampleObject(name = "split", value = ApiExamples.SPLIT)))
    @APIResponse(
            responseCode = "400",
            description = "A field is missing or invalid; violations name it.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "Conflicts with a recorded action.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<CorporateActionView>> add(JsonNode body) {
        CorporateActionInput input = bodies.object(body, CorporateActionInput.class);
        AddCorporateActionRequest request = AddCorporateActionRequest.newBuilder()
                .setAction(CorporateActionMapping.toProto(input))
                .build();
        return ingest.addCorporateAction(request)
                .map(response -> RestResponse.status(
                        response.getCreated() ? RestResponse.Status.CREATED : RestResponse.Status.OK,
                        CorporateActionMapping.toView(response.getAction())));
    }

    @DELETE
    @Path("{symbol}/{exDate}/{kind}")
    @Operation(
            summary = "Delete a split or a dividend",
            description =
                    "Deletes the action recorded for the symbol, ex-date and kind, to correct a wrong one: delete "
                            + "it, then record the right one. Adjusted bar series and basket answers follow at once.")
    @APIResponse(
            responseCode = "200",
            description = "Deleted; the body is the action as it was recorded.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CorporateActionView.class),
                            examples = @ExampleObject(name = "split", value = ApiExamples.SPLIT)))
    @APIResponse(
            responseCode = "400",
            description = "symbol, exDate or kind is invalid; violations name it.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such action is recorded.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<CorporateActionView> delete(
            @Parameter(description = "The instrument.", example = "NVDA") @RestPath String symbol,
            @Parameter(description = "The ISO-8601 ex-date.", example = "2024-06-10") @RestPath String exDate,
            @Parameter(description = "SPLIT or DIVIDEND.", example = "SPLIT") @RestPath String kind) {
        return ingest.deleteCorporateAction(CorporateActionMapping.deleteRequest(symbol, exDate, kind))
                .map(response -> CorporateActionMapping.toView(response.getAction()));
    }
}
