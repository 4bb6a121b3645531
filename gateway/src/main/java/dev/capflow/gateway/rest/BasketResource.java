package dev.capflow.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capflow.gateway.client.BasketClient;
import dev.capflow.gateway.problem.Problem;
import dev.capflow.gateway.request.Fields;
import dev.capflow.gateway.rest.CachedAnswerResponses.ListPage;
import dev.capflow.gateway.rest.dto.BasketInput;
import dev.capflow.gateway.rest.dto.BasketView;
import dev.capflow.gateway.rest.dto.PerformanceView;
import dev.capflow.gateway.rest.json.JsonBodies;
import dev.capflow.gateway.rest.mapping.BasketMapping;
import dev.capflow.proto.basket.v1.CreateBasketRequest;
import dev.capflow.proto.basket.v1.DeleteBasketRequest;
import dev.capflow.proto.basket.v1.GetBasketRequest;
import dev.capflow.proto.basket.v1.GetPerformanceRequest;
import dev.capflow.proto.basket.v1.ListBasketsRequest;
import dev.capflow.proto.basket.v1.UpdateBasketRequest;
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

/** Basket definitions (create, read, replace, delete) and the performance of one basket. */
@Path("/api/v1/baskets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Baskets", description = "Baskets of instruments, their level series, risk metrics and contributions.")
public class BasketResource {

    private final BasketClient baskets;
    private final JsonBodies bodies;
    private final CachedAnswerResponses answers;
    private final BasketQuestions questions;

    public BasketResource(
            BasketClient baskets, JsonBodies bodies, CachedAnswerResponses answers, BasketQuestions questions) {
        this.baskets = baskets;
        this.bodies = bodies;
        this.answers = answers;
        this.questions = questions;
    }

    @GET
    @Operation(summary = "List baskets", description = "Every basket, ordered by id.")
    @APIResponse(
            responseCode = "200",
            description = "The baskets.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = BasketView.class),
                            examples = @ExampleObject(name = "baskets", value = ApiExamples.BASKETS)))
    public Uni<RestResponse<Buffer>> list(
            @Parameter(description = Paging.PAGE_SIZE_DOC, example = "100") @RestQuery Long pageSize,
            @Parameter(description = Paging.PAGE_TOKEN_DOC) @RestQuery String pageToken) {
        ListBasketsRequest request = Paging.paged(ListBasketsRequest.getDefaultInstance(), pageSize, pageToken);
        return answers.serveLastGoodPage(
                "baskets",
                request,
                () -> baskets.listBaskets(request)
                        .map(response -> new ListPage(
                                response.getBasketsList().stream()
                                        .map(BasketMapping::toView)
                                        .toList(),
                                response.getNextPageToken())));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a basket", description = "Creates a basket; without an id a random one is assigned.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = BasketInput.class),
                            examples = @ExampleObject(name = "equal-weighted", value = ApiExamples.BASKET_INPUT)))
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names the new basket.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = BasketView.class),
                            examples = @ExampleObject(name = "created", value = ApiExamples.BASKET)))
    @APIResponse(
            responseCode = "400",
            description = "A field is missing or invalid; violations name it.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "The id is taken.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<BasketView>> create(
            JsonNode body,
            @Parameter(description = IdempotencyKeyHeader.DOC) @RestHeader(IdempotencyKeyHeader.NAME)
                    String idempotencyKey) {
        BasketInput input = bodies.object(body, BasketInput.class);
        CreateBasketRequest request = CreateBasketRequest.newBuilder()
                .setBasket(BasketMapping.toNewBasket(input))
                .setRequestId(IdempotencyKeyHeader.requestId(idempotencyKey))
                .build();
        return baskets.createBasket(request)
                .map(response -> BasketMapping.toView(response.getBasket()))
                .map(created -> RestResponse.ResponseBuilder.<BasketView>created(
                                URI.create("/api/v1/baskets/" + created.id()))
                        .entity(created)
                        .build());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One basket", description = "The basket's definition with its members and version.")
    @APIResponse(
            responseCode = "200",
            description = "The basket.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = BasketView.class),
                            examples = @ExampleObject(name = "basket", value = ApiExamples.BASKET)))
    @APIResponse(
            responseCode = "404",
            description = "No such basket.",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "unknown basket", value = ApiExamples.BASKET_NOT_FOUND)))
    public Uni<RestResponse<Buffer>> get(
            @Parameter(description = "Basket id.", example = "team-google") @RestPath String id) {
        GetBasketRequest request = GetBasketRequest.newBuilder()
                .setBasketId(Fields.requiredText("id", id))
                .build();
        return answers.serveLastGood(
                "basket",
                request,
                () -> baskets.getBasket(request).map(response -> BasketMapping.toView(response.getBasket())));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Replace a basket's definition",
            description = "The body carries the full new definition and the version last read; a stale version is 409.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = BasketInput.class),
                            examples = @ExampleObject(name = "custom weights", value = ApiExamples.BASKET_UPDATE)))
    @APIResponse(
            responseCode = "200",
            description = "Replaced.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = BasketView.class),
                            examples = @ExampleObject(name = "replaced", value = ApiExamples.BASKET)))
    @APIResponse(
            responseCode = "400",
            description = "A field is missing or invalid; violations name it.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such basket.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "The version is stale (optimistic lock).",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "stale version", value = ApiExamples.VERSION_CONFLICT)))
    public Uni<BasketView> replace(
            @Parameter(description = "Basket id.", example = "team-google") @RestPath String id, JsonNode body) {
        BasketInput input = bodies.object(body, BasketInput.class);
        UpdateBasketRequest request = UpdateBasketRequest.newBuilder()
                .setBasket(BasketMapping.toReplacement(id, input))
                .build();
        return baskets.updateBasket(request).map(response -> BasketMapping.toView(response.getBasket()));
    }

    @DELETE
    @Path("{id}")
    @Operation(
            summary = "Delete a basket",
            description =
                    "With version, only if the basket is still at that version (else 409); without, unconditionally.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(
            responseCode = "404",
            description = "No such basket.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "The version is stale.",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "stale version", value = ApiExamples.VERSION_CONFLICT)))
    public Uni<RestResponse<Void>> delete(
            @Parameter(description = "Basket id.", example = "team-google") @RestPath String id,
            @Parameter(description = "The version last read (optional; 0 is a version like any other).", example = "1")
                    @RestQuery
                    Long version) {
        Fields fields = new Fields();
        String checkedId = fields.text("id", id);
        fields.check(version == null || version >= 0, "version", "must be at least 0");
        fields.throwIfInvalid();
        DeleteBasketRequest.Builder request = DeleteBasketRequest.newBuilder().setBasketId(checkedId);
        if (version != null) {
            request.setExpectedVersion(version);
        }
        return baskets.deleteBasket(request.build()).map(response -> RestResponse.noContent());
    }

    @GET
    @Path("{id}/performance")
    @Operation(
            summary = "Performance of one basket",
            description = "Level series, metrics and member contributions over [from, to] (from defaults to the base "
                    + "date, to to the latest close). Returns are fractions (0.144, not 14.4); a metric the window "
                    + "cannot define is null: annualizedReturn below 252 daily returns (a return over less than a year "
                    + "is not annualized, GIPS), annualizedVolatility and sharpe below two daily returns (a sample "
                    + "standard deviation needs two), sharpe also when the daily returns do not vary, beta and "
                    + "correlation without a benchmark, below two daily returns or when the benchmark's daily returns "
                    + "do not vary, correlation also when the basket's do not, maxDrawdownPeak and maxDrawdownTrough "
                    + "when the level never fell. Conventions: the "
                    + "series starts at the base date at the basket's base value, priced from the last closes at or "
                    + "before it, also when the base date is not a trading day (that point is then dated the base "
                    + "date); a window starting on a day without a level starts at the next one (as a pandas "
                    + ".loc[from:to] slice), and one holding no trading day is 400. A member's close on D is converted "
                    + "into the basket currency with the configured FX series' rate observed on D (the demo: FRED "
                    + "DEXJPUS, the noon New York rate), each carried forward over days it lacks. TOTAL reinvests each "
                    + "cash dividend on its ex-date, CRSP: (P_ex + D) / P_prev - 1 with D per share as traded on the "
                    + "ex-date. The benchmark is converted into the basket currency the same way and carried onto the "
                    + "basket's calendar. Answers are cached until the basket or the history of a symbol it uses "
                    + "changes; while basket-service is down the last good answer is sent with X-Capflow-Stale: true.")
    @APIResponse(
            responseCode = "200",
            description = "The performance.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PerformanceView.class),
                            examples = @ExampleObject(name = "team-google", value = ApiExamples.PERFORMANCE)))
    @APIResponse(
            responseCode = "400",
            description = "A bad date, return type or risk-free rate, or a window without "
                    + "a trading day; violations name the parameter.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such basket or benchmark.",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "unknown basket", value = ApiExamples.BASKET_NOT_FOUND)))
    @APIResponse(
            responseCode = "409",
            description = "The data cannot price the basket (a member without a price at "
                    + "the base date, a missing FX rate).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "413",
            description = ApiExamples.HISTORY_LIMIT_413,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<Buffer>> performance(
            @Parameter(description = "Basket id.", example = "team-google") @RestPath String id,
            @Parameter(
                            description =
                                    "First date, ISO-8601; a day without a level starts the window at the next one.",
                            example = "2025-10-29")
                    @RestQuery
                    String from,
            @Parameter(
                            description = "Last date, ISO-8601; the window ends at the last level on or before it.",
                            example = "2025-12-31")
                    @RestQuery
                    String to,
            @Parameter(
                            description =
                                    "Symbol of the benchmark for beta and correlation; its closes are converted into the "
                                            + "basket currency (rate of each date) and carried onto the basket's dates.",
                            example = "QQQ")
                    @RestQuery
                    String benchmark,
            @Parameter(
                            description =
                                    "PRICE (default) or TOTAL (cash dividends reinvested on their ex-dates, CRSP).",
                            schema = @Schema(enumeration = {"PRICE", "TOTAL"}),
                            example = "PRICE")
                    @RestQuery
                    String returnType,
            @Parameter(
                            description = "Annual risk-free rate for the Sharpe ratio, a fraction from -0.05 to 0.25 "
                                    + "(0.04 for 4%; default 0); the daily rate is riskFreeRate / 252.",
                            schema = @Schema(type = SchemaType.NUMBER, minimum = "-0.05", maximum = "0.25"),
                            example = "0.04")
                    @RestQuery
                    String riskFreeRate) {
        GetPerformanceRequest request =
                BasketMapping.performanceRequest(id, from, to, benchmark, returnType, riskFreeRate);
        return answers.serve(questions.performance(request));
    }
}
