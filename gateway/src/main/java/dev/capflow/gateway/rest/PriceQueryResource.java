package dev.capflow.gateway.rest;

import dev.capflow.gateway.client.IngestClient;
import dev.capflow.gateway.problem.GrpcProblems;
import dev.capflow.gateway.problem.Problem;
import dev.capflow.gateway.request.Fields;
import dev.capflow.gateway.request.InvalidFieldsException;
import dev.capflow.gateway.request.SymbolList;
import dev.capflow.gateway.rest.dto.BarRevisionView;
import dev.capflow.gateway.rest.dto.BarSeriesView;
import dev.capflow.gateway.rest.dto.CorporateActionView;
import dev.capflow.gateway.rest.dto.LatestPriceView;
import dev.capflow.gateway.rest.dto.MinuteBarPageView;
import dev.capflow.gateway.rest.dto.TickPageView;
import dev.capflow.gateway.rest.mapping.CorporateActionMapping;
import dev.capflow.gateway.rest.mapping.PriceMapping;
import dev.capflow.grpc.GrpcFailures;
import dev.capflow.proto.ingest.v1.GetBarsRequest;
import dev.capflow.proto.ingest.v1.GetLatestPricesRequest;
import dev.capflow.proto.ingest.v1.ListBarRevisionsRequest;
import dev.capflow.proto.ingest.v1.ListCorporateActionsRequest;
import io.grpc.Status;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import jakarta.ws.rs.GET;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/** Prices out: daily bar series, raw or adjusted, the latest price of each symbol, and corporate actions. */
@Path("/api/v1/prices")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Prices")
public class PriceQueryResource {

    private final IngestClient ingest;
    private final CachedAnswerResponses answers;

    public PriceQueryResource(IngestClient ingest, CachedAnswerResponses answers) {
        this.ingest = ingest;
        this.answers = answers;
    }

    @GET
    @Path("{symbol}/bars")
    @Operation(
            summary = "Daily bars of one symbol",
            description = "Bars between from and to (inclusive, both optional), oldest first. adjusted=false|none "
                    + "(default) gives prices as traded, split gives split-adjusted prices, true|total gives split- "
                    + "and dividend-adjusted (total-return) prices.")
    @APIResponse(
            responseCode = "200",
            description = "The series.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = BarSeriesView.class),
                            examples = @ExampleObject(name = "split-adjusted", value = ApiExamples.BAR_SERIES)))
    @APIResponse(
            responseCode = "400",
            description = "A bad date or adjustment; violations name the parameter.",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "bad from", value = ApiExamples.INVALID_REQUEST)))
    @APIResponse(
            responseCode = "404",
            description = ApiExamples.UNKNOWN_SYMBOL_404,
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "unknown symbol", value = ApiExamples.NOT_FOUND)))
    public Uni<RestResponse<Buffer>> bars(
            @Parameter(description = "Ticker.", example = "NVDA") @RestPath String symbol,
            @Parameter(description = "First date, ISO-8601.", example = "2025-10-29") @RestQuery String from,
            @Parameter(description = "Last date, ISO-8601.", example = "2025-12-31") @RestQuery String to,
            @Parameter(
                            description = "false|none (default), split, true|total.",
                            schema = @Schema(enumeration = {"false", "none", "split", "true", "total"}),
                            example = "split")
                    @RestQuery
                    String adjusted) {
        var request = PriceMapping.barsRequest(symbol, from, to, adjusted);
        return answers.serveLastGood(
                "bars", request, () -> ingest.getBars(request).map(PriceMapping::toView));
    }

    @GET
    @Path("{symbol}/ticks")
    @Operation(
            summary = "Stored ticks of one symbol, in pages",
            description = "Ticks between from and to (ISO-8601 instants, both inclusive, both optional), oldest first "
                    + "(by time, then source, then trade id). A page holds pageSize ticks (default 1000, at most 10000); "
                    + "nextPageToken, when not empty, is the pageToken of the next page (send the same symbol and range). "
                    + "Re-reads what a live stream announced as a gap.")
    @APIResponse(
            responseCode = "200",
            description = ApiExamples.HISTORY_PAGE_200,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TickPageView.class)))
    @APIResponse(
            responseCode = "400",
            description = ApiExamples.HISTORY_PAGE_400,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = ApiExamples.UNKNOWN_SYMBOL_404,
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "unknown symbol", value = ApiExamples.NOT_FOUND)))
    public Uni<TickPageView> ticks(
            @Parameter(description = "Ticker.", example = "NVDA") @RestPath String symbol,
            @Parameter(description = "First instant (inclusive).", example = "2025-11-03T14:30:00Z") @RestQuery
                    String from,
            @Parameter(description = "Last instant (inclusive).", example = "2025-11-03T21:00:00Z") @RestQuery
                    String to,
            @Parameter(description = "Ticks per page, 1 to 10000 (default 1000).", example = "1000") @RestQuery
                    Integer pageSize,
            @Parameter(description = ApiExamples.HISTORY_PAGE_TOKEN) @RestQuery String pageToken) {
        return withPageTokenNamed(ingest.getTicks(PriceMapping.ticksRequest(symbol, from, to, pageSize, pageToken))
                .map(PriceMapping::toView));
    }

    @GET
    @Path("{symbol}/minute-bars")
    @Operation(
            summary = "One-minute bars of one symbol's ticks, in pages",
            description =
                    "Open, high, low, close, volume and tick count of each UTC minute whose start is between from "
                            + "and to (ISO-8601 instants, both inclusive, both optional), oldest first; minutes without ticks have "
                            + "no bar. Bars are updated with the ticks that fall in them, late ones included, as soon as their "
                            + "batch is acknowledged. A page holds pageSize bars (default 1000, at most 10000); nextPageToken, "
                            + "when not empty, is the pageToken of the next page (send the same symbol and range).")
    @APIResponse(
            responseCode = "200",
            description = ApiExamples.HISTORY_PAGE_200,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = MinuteBarPageView.class)))
    @APIResponse(
            responseCode = "400",
            description = ApiExamples.HISTORY_PAGE_400,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = ApiExamples.UNKNOWN_SYMBOL_404,
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "unknown symbol", value = ApiExamples.NOT_FOUND)))
    public Uni<MinuteBarPageView> minuteBars(
            @Parameter(description = "Ticker.", example = "NVDA") @RestPath String symbol,
            @Parameter(description = "First minute start (inclusive).", example = "2025-11-03T14:30:00Z") @RestQuery
                    String from,
            @Parameter(description = "Last minute start (inclusive).", example = "2025-11-03T21:00:00Z") @RestQuery
                    String to,
            @Parameter(description = "Bars per page, 1 to 10000 (default 1000).", example = "1000") @RestQuery
                    Integer pageSize,
            @Parameter(description = ApiExamples.HISTORY_PAGE_TOKEN) @RestQuery String pageToken) {
        return withPageTokenNamed(
                ingest.getMinuteBars(PriceMapping.minuteBarsRequest(symbol, from, to, pageSize, pageToken))
                        .map(PriceMapping::toView));
    }

    /** A page read whose refused page_token is reported as this route's pageToken parameter. */
    private static <T> Uni<T> withPageTokenNamed(Uni<T> page) {
        return page.onFailure(PriceQueryResource::badPageToken)
                .transform(failure -> new InvalidFieldsException(
                        "pageToken",
                        "not a page token of this route: send the "
                                + "nextPageToken of the previous page, or none for the first page"));
    }

    /** ingest-service refused the token (the only field it checks that the gateway passes through unchecked). */
    private static boolean badPageToken(Throwable failure) {
        return GrpcFailures.statusCode(failure) == Status.Code.INVALID_ARGUMENT
                && GrpcProblems.violations(failure).stream()
                        .anyMatch(violation -> violation.field().equals("page_token"));
    }

    @GET
    @Path("latest")
    @Operation(
            summary = "Latest price of each symbol",
            description = "The newest tick of each symbol, else its newest daily close; symbols without any price are "
                    + "left out. Symbols are comma-separated and may also be repeated.")
    @APIResponse(
            responseCode = "200",
            description = "One entry per symbol that has a price, in request order.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = LatestPriceView.class),
                            examples = @ExampleObject(name = "latest", value = ApiExamples.LATEST_PRICES)))
    @APIResponse(
            responseCode = "400",
            description = "No symbol given.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<Buffer>> latest(
            @Parameter(
                            description = "Comma-separated tickers (the parameter may also be repeated).",
                            required = true,
                            example = "[\"NVDA,MSFT\"]")
                    @RestQuery
                    List<String> symbols) {
        GetLatestPricesRequest request = GetLatestPricesRequest.newBuilder()
                .addAllSymbols(SymbolList.parse("symbols", symbols))
                .build();
        return answers.serveLastGood(
                "latest-prices",
                request,
                () -> ingest.getLatestPrices(request)
                        .map(response -> response.getPricesList().stream()
                                .map(PriceMapping::toView)
                                .toList()));
    }

    @GET
    @Path("{symbol}/bars/revisions")
    @Operation(
            summary = "Replaced versions of daily bars",
            description = "The audit trail of corrections (POST /prices/bars?mode=replace): every version a correction "
                    + "replaced, newest replacement first, within the inclusive date bounds.")
    @APIResponse(
            responseCode = "200",
            description = "The replaced versions.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = BarRevisionView.class)))
    @APIResponse(
            responseCode = "404",
            description = ApiExamples.UNKNOWN_SYMBOL_404,
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "unknown symbol", value = ApiExamples.NOT_FOUND)))
    public Uni<RestResponse<List<BarRevisionView>>> barRevisions(
            @Parameter(description = "Ticker.", example = "NVDA") @RestPath String symbol,
            @Parameter(description = "First session date (inclusive).", example = "2025-10-01") @RestQuery String from,
            @Parameter(description = "Last session date (inclusive).", example = "2025-10-31") @RestQuery String to,
            @Parameter(description = Paging.PAGE_SIZE_DOC, example = "100") @RestQuery Long pageSize,
            @Parameter(description = Paging.PAGE_TOKEN_DOC) @RestQuery String pageToken) {
        GetBarsRequest bounds = PriceMapping.barsRequest(symbol, from, to, null);
        ListBarRevisionsRequest request = Paging.paged(
                ListBarRevisionsRequest.newBuilder()
                        .setSymbol(bounds.getSymbol())
                        .setFrom(bounds.getFrom())
                        .setTo(bounds.getTo())
                        .build(),
                pageSize,
                pageToken);
        return ingest.listBarRevisions(request)
                .onFailure()
                .transform(Paging::restNames)
                .map(response -> Paging.answer(
                        response.getRevisionsList().stream()
                                .map(PriceMapping::toView)
                                .toList(),
                        response.getNextPageToken()));
    }

    @GET
    @Path("{symbol}/corporate-actions")
    @Operation(summary = "Corporate actions of one symbol", description = "Splits and dividends, oldest first.")
    @APIResponse(
            responseCode = "200",
            description = "The actions.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = CorporateActionView.class),
                            examples = @ExampleObject(name = "actions", value = ApiExamples.CORPORATE_ACTIONS)))
    @APIResponse(
            responseCode = "404",
            description = ApiExamples.UNKNOWN_SYMBOL_404,
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "unknown symbol", value = ApiExamples.NOT_FOUND)))
    public Uni<RestResponse<List<CorporateActionView>>> corporateActions(
            @Parameter(description = "Ticker.", example = "NVDA") @RestPath String symbol,
            @Parameter(description = Paging.PAGE_SIZE_DOC, example = "100") @RestQuery Long pageSize,
            @Parameter(description = Paging.PAGE_TOKEN_DOC) @RestQuery String pageToken) {
        Fields fields = new Fields();
        String checkedSymbol = fields.symbol("symbol", symbol);
        fields.throwIfInvalid();
        ListCorporateActionsRequest request = Paging.paged(
                ListCorporateActionsRequest.newBuilder()
                        .setSymbol(checkedSymbol)
                        .build(),
                pageSize,
                pageToken);
        return ingest.listCorporateActions(request)
                .onFailure()
                .transform(Paging::restNames)
                .map(response -> Paging.answer(
                        response.getActionsList().stream()
                                .map(CorporateActionMapping::toView)
                                .toList(),
                        response.getNextPageToken()));
    }
}
