package dev.capflow.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capflow.gateway.client.ExposureClient;
import dev.capflow.gateway.problem.Problem;
import dev.capflow.gateway.request.Fields;
import dev.capflow.gateway.request.VersionedDelete;
import dev.capflow.gateway.rest.CachedAnswerResponses.ListPage;
import dev.capflow.gateway.rest.dto.EntityInput;
import dev.capflow.gateway.rest.dto.EntityView;
import dev.capflow.gateway.rest.json.JsonBodies;
import dev.capflow.gateway.rest.mapping.EntityMapping;
import dev.capflow.proto.exposure.v1.CreateEntityRequest;
import dev.capflow.proto.exposure.v1.DeleteEntityRequest;
import dev.capflow.proto.exposure.v1.Entity;
import dev.capflow.proto.exposure.v1.GetEntityRequest;
import dev.capflow.proto.exposure.v1.ListEntitiesRequest;
import dev.capflow.proto.exposure.v1.ListEntityHistoryRequest;
import dev.capflow.proto.exposure.v1.UpdateEntityRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
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

/** The entities of the funding graph, each with its current value. */
@Path("/api/v1/exposure/entities")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Exposure",
        description = "The funding graph of AI companies: entities, edges, loops, look-through and stress.")
public class ExposureEntityResource {

    private final ExposureClient exposure;
    private final JsonBodies bodies;
    private final CachedAnswerResponses answers;

    public ExposureEntityResource(ExposureClient exposure, JsonBodies bodies, CachedAnswerResponses answers) {
        this.exposure = exposure;
        this.bodies = bodies;
        this.answers = answers;
    }

    @GET
    @Operation(
            summary = "List entities",
            description = "The entity versions holding on asOf (default today) as known at "
                    + "knownAt (default now), valued on asOf, ordered by id.")
    @APIResponse(
            responseCode = "200",
            description = "The entities.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = EntityView.class),
                            examples = @ExampleObject(name = "entities", value = ExposureExamples.ENTITIES)))
    public Uni<RestResponse<Buffer>> list(
            @Parameter(description = "ISO-8601 date: the graph holding then (default today).", example = "2025-12-31")
                    @RestQuery
                    String asOf,
            @Parameter(description = ExposureExamples.KNOWN_AT_DOC) @RestQuery String knownAt,
            @Parameter(description = Paging.PAGE_SIZE_DOC, example = "100") @RestQuery Long pageSize,
            @Parameter(description = Paging.PAGE_TOKEN_DOC) @RestQuery String pageToken) {
        ListEntitiesRequest request = Paging.paged(EntityMapping.listRequest(asOf, knownAt), pageSize, pageToken);
        return answers.serveLastGoodPage(
                "entities",
                request,
                () -> exposure.listEntities(request)
                        .map(response -> new ListPage(
                                response.getEntitiesList().stream()
                                        .map(EntityMapping::toView)
                                        .toList(),
                                response.getNextPageToken())));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One entity", description = "The entity with its current value and how it was obtained.")
    @APIResponse(
            responseCode = "200",
            description = "The entity.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EntityView.class),
                            examples = @ExampleObject(name = "openai", value = ExposureExamples.ENTITY)))
    @APIResponse(
            responseCode = "404",
            description = "No such entity.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<Buffer>> get(
            @Parameter(description = "Entity id.", example = "openai") @RestPath String id,
            @Parameter(description = "ISO-8601 date: the graph holding then (default today).", example = "2025-12-31")
                    @RestQuery
                    String asOf,
            @Parameter(description = ExposureExamples.KNOWN_AT_DOC) @RestQuery String knownAt) {
        GetEntityRequest request = EntityMapping.getRequest(id, asOf, knownAt);
        return answers.serveLastGood(
                "entity",
                request,
                () -> exposure.getEntity(request).map(response -> EntityMapping.toView(response.getEntity())));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Create or replace an entity",
            description =
                    "Without `version` the entity is created (409 if the id is taken); with the version last read "
                            + "it is replaced (409 if stale).")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EntityInput.class),
                            examples = @ExampleObject(name = "listed", value = ExposureExamples.ENTITY_INPUT)))
    @APIResponse(
            responseCode = "200",
            description = "Replaced.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EntityView.class)))
    @APIResponse(
            responseCode = "201",
            description = "Created.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EntityView.class),
                            examples = @ExampleObject(name = "openai", value = ExposureExamples.ENTITY)))
    @APIResponse(
            responseCode = "400",
            description = "A field is missing or invalid; violations name it.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "The id is taken, or the version is stale.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<EntityView>> put(
            @Parameter(description = "Entity id.", example = "oracle") @RestPath String id,
            JsonNode body,
            @Parameter(description = IdempotencyKeyHeader.DOC) @RestHeader(IdempotencyKeyHeader.NAME)
                    String idempotencyKey) {
        EntityInput input = bodies.object(body, EntityInput.class);
        Entity entity = EntityMapping.toEntity(id, input);
        if (input.version() == null) {
            return exposure.createEntity(CreateEntityRequest.newBuilder()
                            .setEntity(entity)
                            .setRequestId(IdempotencyKeyHeader.requestId(idempotencyKey))
                            .build())
                    .map(response -> RestResponse.status(
                            RestResponse.Status.CREATED, EntityMapping.toView(response.getEntity())));
        }
        return exposure.updateEntity(
                        UpdateEntityRequest.newBuilder().setEntity(entity).build())
                .map(response -> RestResponse.ok(EntityMapping.toView(response.getEntity())));
    }

    @DELETE
    @Path("{id}")
    @Operation(
            summary = "Delete an entity",
            description = "Refused (409) while an edge still starts or ends at it; with version, only at that version.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(
            responseCode = "404",
            description = "No such entity.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "Edges still use it, or the version is stale.",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "in use", value = ExposureExamples.ENTITY_IN_USE)))
    public Uni<RestResponse<Void>> delete(
            @Parameter(description = "Entity id.", example = "openai") @RestPath String id,
            @Parameter(description = "The version last read (optional; 0 is a version like any other).", example = "0")
                    @RestQuery
                    Long version,
            @Parameter(
                            description = "ISO-8601 date from which the entity no longer holds (default today).",
                            example = "2025-12-31")
                    @RestQuery
                    String validTo) {
        VersionedDelete delete = VersionedDelete.checked(id, version, validTo);
        DeleteEntityRequest.Builder request =
                DeleteEntityRequest.newBuilder().setEntityId(delete.id()).setValidTo(delete.validTo());
        delete.version().ifPresent(request::setExpectedVersion);
        return exposure.deleteEntity(request.build()).map(response -> RestResponse.noContent());
    }

    @GET
    @Path("{id}/history")
    @Operation(
            summary = "Every version of an entity",
            description = "Every version ever stored, superseded ones "
                    + "included, in the order recorded, each with its validity and record time; without values. A delete "
                    + "that ends a version's validity where it begins leaves no version after it: that version's "
                    + "supersededAt is when it was retracted.")
    @APIResponse(
            responseCode = "200",
            description = "The versions.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = EntityView.class),
                            examples = @ExampleObject(name = "versions", value = ExposureExamples.ENTITIES)))
    @APIResponse(
            responseCode = "404",
            description = "The id was never stored.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<List<EntityView>>> history(
            @Parameter(description = "Entity id.", example = "openai") @RestPath String id,
            @Parameter(description = Paging.PAGE_SIZE_DOC, example = "100") @RestQuery Long pageSize,
            @Parameter(description = Paging.PAGE_TOKEN_DOC) @RestQuery String pageToken) {
        ListEntityHistoryRequest request = Paging.paged(
                ListEntityHistoryRequest.newBuilder()
                        .setEntityId(Fields.requiredText("id", id))
                        .build(),
                pageSize,
                pageToken);
        return exposure.listEntityHistory(request)
                .onFailure()
                .transform(Paging::restNames)
                .map(response -> Paging.answer(
                        response.getVersionsList().stream()
                                .map(EntityMapping::toView)
                                .toList(),
                        response.getNextPageToken()));
    }
}
