package dev.capflow.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capflow.gateway.client.ExposureClient;
import dev.capflow.gateway.problem.Problem;
import dev.capflow.gateway.request.Fields;
import dev.capflow.gateway.request.VersionedDelete;
import dev.capflow.gateway.rest.CachedAnswerResponses.ListPage;
import dev.capflow.gateway.rest.dto.EdgeInput;
import dev.capflow.gateway.rest.dto.EdgeView;
import dev.capflow.gateway.rest.json.JsonBodies;
import dev.capflow.gateway.rest.mapping.EdgeMapping;
import dev.capflow.proto.exposure.v1.CreateEdgeRequest;
import dev.capflow.proto.exposure.v1.DeleteEdgeRequest;
import dev.capflow.proto.exposure.v1.GetEdgeRequest;
import dev.capflow.proto.exposure.v1.ListEdgeHistoryRequest;
import dev.capflow.proto.exposure.v1.UpdateEdgeRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/** The edges of the funding graph: stakes, investments, purchase contracts and guarantees, with their sources. */
@Path("/api/v1/exposure/edges")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Exposure")
public class ExposureEdgeResource {

    /** exposure-service refuses an edge closing an equity cycle that makes I - S nearly singular (EQUITY_CYCLE). */
    private static final String CYCLE_REFUSED = "The edge would close an equity cycle through which an entity owns too "
            + "much of itself (I - S nearly singular); detail names the cycle's edges.";

    private final ExposureClient exposure;
    private final JsonBodies bodies;
    private final CachedAnswerResponses answers;

    public ExposureEdgeResource(ExposureClient exposure, JsonBodies bodies, CachedAnswerResponses answers) {
        this.exposure = exposure;
        this.bodies = bodies;
        this.answers = answers;
    }

    @GET
    @Operation(
            summary = "List edges",
            description = "The edge versions holding on asOf (default today) as known at "
                    + "knownAt (default now), optionally only those of one entity, ordered by asOf, then id.")
    @APIResponse(
            responseCode = "200",
            description = "The edges.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = EdgeView.class),
                            examples = @ExampleObject(name = "edges", value = ExposureExamples.EDGES)))
    @APIResponse(
            responseCode = "400",
            description = "A bad date; violations name it.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<Buffer>> list(
            @Parameter(description = "ISO-8601 date: the graph holding then (default today).", example = "2025-12-31")
                    @RestQuery
                    String asOf,
            @Parameter(description = ExposureExamples.KNOWN_AT_DOC) @RestQuery String knownAt,
            @Parameter(description = "Only edges starting or ending at this entity.", example = "openai") @RestQuery
                    String entity,
            @Parameter(description = Paging.PAGE_SIZE_DOC, example = "100") @RestQuery Long pageSize,
            @Parameter(description = Paging.PAGE_TOKEN_DOC) @RestQuery String pageToken) {
        var request = Paging.paged(EdgeMapping.listRequest(asOf, knownAt, entity), pageSize, pageToken);
        return answers.serveLastGoodPage(
                "edges",
                request,
                () -> exposure.listEdges(request)
                        .map(response -> new ListPage(
                                response.getEdgesList().stream()
                                        .map(EdgeMapping::toView)
                                        .toList(),
                                response.getNextPageToken())));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Create an edge",
            description = "Without an id a random one is assigned. Nothing is stored when "
                    + "the edge breaks a rule: an unknown entity, a self-loop, a share outside [0, 1], shares held in one entity "
                    + "summing to 1 or more, a negative amount.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EdgeInput.class),
                            examples = @ExampleObject(name = "purchase", value = ExposureExamples.EDGE_INPUT)))
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names it.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EdgeView.class),
                            examples = @ExampleObject(name = "created", value = ExposureExamples.EDGE)))
    @APIResponse(
            responseCode = "400",
            description = "A field is missing or breaks a rule; violations name it.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "The id is taken.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = CYCLE_REFUSED,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<EdgeView>> create(
            JsonNode body,
            @Parameter(description = IdempotencyKeyHeader.DOC) @RestHeader(IdempotencyKeyHeader.NAME)
                    String idempotencyKey) {
        EdgeInput input = bodies.object(body, EdgeInput.class);
        CreateEdgeRequest request = CreateEdgeRequest.newBuilder()
                .setEdge(EdgeMapping.toNewEdge(input))
                .setRequestId(IdempotencyKeyHeader.requestId(idempotencyKey))
                .build();
        return exposure.createEdge(request)
                .map(response -> EdgeMapping.toView(response.getEdge()))
                .map(created -> RestResponse.ResponseBuilder.<EdgeView>created(
                                URI.create("/api/v1/exposure/edges/" + created.id()))
                        .entity(created)
                        .build());
    }

    @GET
    @Path("{id}")
    @Operation(
            summary = "One edge",
            description =
                    "The version holding on asOf (default today) as known at knownAt "
                            + "(default now), with its kind, amount or share, validity and source; 404 when no version holds then.")
    @APIResponse(
            responseCode = "200",
            description = "The edge.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EdgeView.class),
                            examples = @ExampleObject(name = "edge", value = ExposureExamples.EDGE)))
    @APIResponse(
            responseCode = "404",
            description = "No such edge.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<Buffer>> get(
            @Parameter(description = "Edge id.", example = "e14-openai-oracle-purchase") @RestPath String id,
            @Parameter(description = "ISO-8601 date: the graph holding then (default today).", example = "2025-12-31")
                    @RestQuery
                    String asOf,
            @Parameter(description = ExposureExamples.KNOWN_AT_DOC) @RestQuery String knownAt) {
        GetEdgeRequest request = EdgeMapping.getRequest(id, asOf, knownAt);
        return answers.serveLastGood(
                "edge",
                request,
                () -> exposure.getEdge(request).map(response -> EdgeMapping.toView(response.getEdge())));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace an edge", description = "The body carries the full edge and the version last read.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EdgeInput.class),
                            examples = @ExampleObject(name = "purchase", value = ExposureExamples.EDGE_INPUT)))
    @APIResponse(
            responseCode = "200",
            description = "Replaced.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EdgeView.class),
                            examples = @ExampleObject(name = "replaced", value = ExposureExamples.EDGE)))
    @APIResponse(
            responseCode = "400",
            description = "A field is missing or breaks a rule; violations name it.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such edge.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "The version is stale.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = CYCLE_REFUSED,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<EdgeView> replace(
            @Parameter(description = "Edge id.", example = "e14-openai-oracle-purchase") @RestPath String id,
            JsonNode body) {
        EdgeInput input = bodies.object(body, EdgeInput.class);
        UpdateEdgeRequest request = UpdateEdgeRequest.newBuilder()
                .setEdge(EdgeMapping.toReplacement(id, input))
                .build();
        return exposure.updateEdge(request).map(response -> EdgeMapping.toView(response.getEdge()));
    }

    @DELETE
    @Path("{id}")
    @Operation(
            summary = "Delete an edge",
            description = "Closes its validity on validTo (default today); nothing is erased "
                    + "and earlier dates still see it. With version, only if the edge is still at that version.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(
            responseCode = "404",
            description = "No such edge.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "The version is stale.",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class),
                            examples =
                                    @ExampleObject(
                                            name = "stale version",
                                            value = ExposureExamples.EDGE_VERSION_CONFLICT)))
    public Uni<RestResponse<Void>> delete(
            @Parameter(description = "Edge id.", example = "e14-openai-oracle-purchase") @RestPath String id,
            @Parameter(description = "The version last read (optional; 0 is a version like any other).", example = "0")
                    @RestQuery
                    Long version,
            @Parameter(
                            description = "ISO-8601 date from which the edge no longer holds (default today).",
                            example = "2025-12-31")
                    @RestQuery
                    String validTo) {
        VersionedDelete delete = VersionedDelete.checked(id, version, validTo);
        DeleteEdgeRequest.Builder request =
                DeleteEdgeRequest.newBuilder().setEdgeId(delete.id()).setValidTo(delete.validTo());
        delete.version().ifPresent(request::setExpectedVersion);
        return exposure.deleteEdge(request.build()).map(response -> RestResponse.noContent());
    }

    @GET
    @Path("{id}/history")
    @Operation(
            summary = "Every version of an edge",
            description = "Every version ever stored, superseded ones included, "
                    + "in the order recorded, each with its validity (asOf to validTo) and record time (recordedAt to supersededAt). "
                    + "A delete with validTo at a version's asOf (it never held) leaves no version after it: that "
                    + "version's supersededAt is when it was retracted.")
    @APIResponse(
            responseCode = "200",
            description = "The versions.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = EdgeView.class),
                            examples = @ExampleObject(name = "versions", value = ExposureExamples.EDGES)))
    @APIResponse(
            responseCode = "404",
            description = "The id was never stored.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<List<EdgeView>>> history(
            @Parameter(description = "Edge id.", example = "e04-softbank-openai-equity") @RestPath String id,
            @Parameter(description = Paging.PAGE_SIZE_DOC, example = "100") @RestQuery Long pageSize,
            @Parameter(description = Paging.PAGE_TOKEN_DOC) @RestQuery String pageToken) {
        ListEdgeHistoryRequest request = Paging.paged(
                ListEdgeHistoryRequest.newBuilder()
                        .setEdgeId(Fields.requiredText("id", id))
                        .build(),
                pageSize,
                pageToken);
        return exposure.listEdgeHistory(request)
                .onFailure()
                .transform(Paging::restNames)
                .map(response -> Paging.answer(
                        response.getVersionsList().stream()
                                .map(EdgeMapping::toView)
                                .toList(),
                        response.getNextPageToken()));
    }
}
