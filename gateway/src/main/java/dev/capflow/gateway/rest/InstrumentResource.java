package dev.capflow.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capflow.gateway.client.IngestClient;
import dev.capflow.gateway.problem.Problem;
import dev.capflow.gateway.request.Fields;
import dev.capflow.gateway.rest.CachedAnswerResponses.ListPage;
import dev.capflow.gateway.rest.dto.InstrumentInput;
import dev.capflow.gateway.rest.dto.InstrumentView;
import dev.capflow.gateway.rest.json.JsonBodies;
import dev.capflow.gateway.rest.mapping.InstrumentMapping;
import dev.capflow.proto.ingest.v1.UpsertInstrumentRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/** The instrument registry: list and upsert. */
@Path("/api/v1/instruments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Instruments", description = "The registry of equities, FX pairs and indices that prices belong to.")
public class InstrumentResource {

    private final IngestClient ingest;
    private final JsonBodies bodies;
    private final CachedAnswerResponses answers;

    public InstrumentResource(IngestClient ingest, JsonBodies bodies, CachedAnswerResponses answers) {
        this.ingest = ingest;
        this.bodies = bodies;
        this.answers = answers;
    }

    @GET
    @Operation(summary = "List instruments", description = "Every instrument of the registry, optionally of one kind.")
    @APIResponse(
            responseCode = "200",
            description = "The instruments.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = InstrumentView.class),
                            examples = @ExampleObject(name = "instruments", value = ApiExamples.INSTRUMENTS)))
    @APIResponse(
            responseCode = "400",
            description = "Unknown kind.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<Buffer>> list(
            @Parameter(
                            description = "Only instruments of this kind.",
                            schema = @Schema(enumeration = {"EQUITY", "FX", "INDEX"}),
                            example = "EQUITY")
                    @RestQuery
                    String kind,
            @Parameter(description = Paging.PAGE_SIZE_DOC, example = "100") @RestQuery Long pageSize,
            @Parameter(description = Paging.PAGE_TOKEN_DOC) @RestQuery String pageToken) {
        var request = Paging.paged(InstrumentMapping.listRequest(kind), pageSize, pageToken);
        return answers.serveLastGoodPage(
                "instruments",
                request,
                () -> ingest.listInstruments(request)
                        .map(response -> new ListPage(
                                response.getInstrumentsList().stream()
                                        .map(InstrumentMapping::toView)
                                        .toList(),
                                response.getNextPageToken())));
    }

    @PUT
    @Path("{symbol}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Create or replace an instrument",
            description = "Creates the instrument (201) or replaces its fields (200); the symbol comes from the path.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = InstrumentInput.class),
                            examples = @ExampleObject(name = "equity", value = ApiExamples.INSTRUMENT_INPUT)))
    @APIResponse(
            responseCode = "201",
            description = "Created.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = InstrumentView.class),
                            examples = @ExampleObject(name = "created", value = ApiExamples.INSTRUMENT)))
    @APIResponse(
            responseCode = "200",
            description = "Updated.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = InstrumentView.class),
                            examples = @ExampleObject(name = "updated", value = ApiExamples.INSTRUMENT)))
    @APIResponse(
            responseCode = "400",
            description = "A field is missing or invalid; violations name it.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "Concurrent change (optimistic lock).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<InstrumentView>> upsert(
            @Parameter(description = "Ticker of the instrument.", example = "NVDA") @RestPath String symbol,
            @Parameter(
                            description =
                                    "The version last read: the write happens only if the instrument is still at "
                                            + "it (0 included), else 409. Without it the instrument is written unconditionally.",
                            example = "0")
                    @RestQuery
                    Long version,
            JsonNode body) {
        Fields fields = new Fields();
        fields.check(version == null || version >= 0, "version", "must be at least 0");
        fields.throwIfInvalid();
        InstrumentInput input = bodies.object(body, InstrumentInput.class);
        UpsertInstrumentRequest.Builder request =
                UpsertInstrumentRequest.newBuilder().setInstrument(InstrumentMapping.toProto(symbol, input));
        if (version != null) {
            request.setExpectedVersion(version);
        }
        return ingest.upsertInstrument(request.build())
                .map(response -> RestResponse.status(
                        response.getCreated() ? RestResponse.Status.CREATED : RestResponse.Status.OK,
                        InstrumentMapping.toView(response.getInstrument())));
    }
}
