package dev.capflow.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import dev.capflow.gateway.client.IngestClient;
import dev.capflow.gateway.config.IngestClientConfig;
import dev.capflow.gateway.problem.Problem;
import dev.capflow.gateway.request.ConvertedBatch;
import dev.capflow.gateway.request.Fields;
import dev.capflow.gateway.request.IngestReport;
import dev.capflow.gateway.request.PartlyImportedException;
import dev.capflow.gateway.rest.csv.BulkCsvImport;
import dev.capflow.gateway.rest.csv.BulkCsvReader;
import dev.capflow.gateway.rest.dto.BulkCsvImportReport;
import dev.capflow.gateway.rest.dto.CsvImportReport;
import dev.capflow.gateway.rest.dto.DailyBarInput;
import dev.capflow.gateway.rest.dto.TickInput;
import dev.capflow.gateway.rest.json.JsonBodies;
import dev.capflow.gateway.rest.mapping.PriceMapping;
import dev.capflow.gateway.rest.mapping.ReportMapping;
import dev.capflow.proto.ingest.v1.BarWriteMode;
import dev.capflow.proto.ingest.v1.DailyBar;
import dev.capflow.proto.ingest.v1.ImportCsvRequest;
import dev.capflow.proto.ingest.v1.IngestBarsRequest;
import dev.capflow.proto.ingest.v1.IngestBarsResponse;
import dev.capflow.proto.ingest.v1.IngestTicksRequest;
import dev.capflow.proto.ingest.v1.IngestTicksResponse;
import dev.capflow.proto.ingest.v1.Tick;
import io.grpc.StatusRuntimeException;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/** Prices in: daily bars and ticks as JSON arrays, daily bars as CSV files. Every answer is an ingest report. */
@Path("/api/v1/prices")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Prices", description = "Daily bars and intraday ticks, in and out.")
public class PriceIngestResource {

    private static final String TEXT_CSV = "text/csv";

    private final IngestClient ingest;
    private final JsonBodies bodies;
    private final IngestClientConfig.Bulk bulk;

    public PriceIngestResource(IngestClient ingest, JsonBodies bodies, IngestClientConfig config) {
        this.ingest = ingest;
        this.bodies = bodies;
        this.bulk = config.bulk();
    }

    @POST
    @Path("bars")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Ingest daily bars",
            description =
                    "Stores each valid bar once: the same symbol and date again with the same values is a duplicate, "
                            + "with other values it is rejected at its index (an insert never overwrites). Elements are "
                            + "checked one by one: a bad element is rejected at its index and the others are still stored. With "
                            + "mode=replace the request is a correction: a bar whose values differ from the stored one replaces "
                            + "it (counted as replaced; the old version is kept, see GET /prices/{symbol}/bars/revisions) and "
                            + "basket answers move; an identical bar stays a duplicate; a symbol and date may appear only once.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = DailyBarInput.class),
                            examples = @ExampleObject(name = "one good, one bad", value = ApiExamples.BARS_INPUT)))
    @APIResponse(
            responseCode = "200",
            description = "Something was stored or found duplicate; see rejected.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = IngestReport.class),
                            examples = @ExampleObject(name = "report", value = ApiExamples.BARS_REPORT)))
    @APIResponse(
            responseCode = "422",
            description = "Every bar was rejected; the body carries the report.",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "all rejected", value = ApiExamples.ALL_REJECTED)))
    @APIResponse(
            responseCode = "400",
            description = "The body is not a JSON array.",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "not an array", value = ApiExamples.NOT_A_JSON_ARRAY)))
    @APIResponse(
            responseCode = "413",
            description = "The body is larger than the configured limit.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<IngestReport>> ingestBars(
            @Parameter(
                            description = "insert (default): a stored date is a duplicate; replace: a correction.",
                            example = "replace")
                    @RestQuery
                    String mode,
            JsonNode body) {
        BarWriteMode writeMode = PriceMapping.writeMode(mode);
        ConvertedBatch<DailyBar> batch =
                bodies.array(body, DailyBarInput.class, input -> PriceMapping.toProto(input, writeMode));
        return send(
                batch,
                bars -> ingest.ingestBars(IngestBarsRequest.newBuilder()
                                .setMode(writeMode)
                                .addAllBars(bars)
                                .build())
                        .map(IngestBarsResponse::getReport));
    }

    @POST
    @Path("ticks")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Ingest intraday ticks",
            description = "Sends the valid ticks as one batch on the ingest tick stream and answers once the batch is "
                    + "acknowledged (committed). Same symbol, ts, source and tradeId again is a duplicate; two trades of "
                    + "the same microsecond with different tradeIds are both stored.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = TickInput.class),
                            examples = @ExampleObject(name = "three ticks", value = ApiExamples.TICKS_INPUT)))
    @APIResponse(
            responseCode = "200",
            description = "Something was stored or found duplicate; see rejected.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = IngestReport.class),
                            examples = @ExampleObject(name = "report", value = ApiExamples.TICKS_REPORT)))
    @APIResponse(
            responseCode = "422",
            description = "Every tick was rejected; the body carries the report.",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "all rejected", value = ApiExamples.ALL_REJECTED)))
    @APIResponse(
            responseCode = "400",
            description = "The body is not a JSON array.",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "not an array", value = ApiExamples.NOT_A_JSON_ARRAY)))
    public Uni<RestResponse<IngestReport>> ingestTicks(JsonNode body) {
        ConvertedBatch<Tick> batch = bodies.array(body, TickInput.class, PriceMapping::toProto);
        // A REST request is one batch of the stream, so its sequence number is always 0.
        return send(
                batch,
                ticks -> ingest.ingestTicks(IngestTicksRequest.newBuilder()
                                .setSequence(0)
                                .addAllTicks(ticks)
                                .build())
                        .map(IngestTicksResponse::getReport));
    }

    @POST
    @Path("csv")
    @Consumes(TEXT_CSV)
    @Operation(
            summary = "Import a daily CSV file",
            description = "Imports a Yahoo (Date,Open,High,Low,Close,Adj Close,Volume) or Stooq "
                    + "(Date,Open,High,Low,Close,Volume) daily file for one symbol; the layout is detected from the "
                    + "header. Rejections name the 1-based line (header = 1); Yahoo null rows are skipped. With "
                    + "mode=replace rows that differ from stored bars correct them, as in POST /prices/bars. At most "
                    + "1000 rejections are detailed in rejected; rejectedCount counts them all and rejectionsOmitted "
                    + "those left out.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = TEXT_CSV,
                            schema = @Schema(type = SchemaType.STRING),
                            examples = @ExampleObject(name = "yahoo", value = ApiExamples.CSV_INPUT)))
    @APIResponse(
            responseCode = "200",
            description = "The final import report.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CsvImportReport.class),
                            examples = @ExampleObject(name = "report", value = ApiExamples.CSV_REPORT)))
    @APIResponse(
            responseCode = "422",
            description = "Every row was rejected; the body carries the report.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "400",
            description = "symbol missing, empty file or unknown header.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<CsvImportReport>> importCsv(
            @Parameter(description = "The instrument every row belongs to.", required = true, example = "NVDA")
                    @RestQuery
                    String symbol,
            @Parameter(description = "insert (default) or replace (a correction).", example = "insert") @RestQuery
                    String mode,
            byte[] body) {
        BarWriteMode writeMode = PriceMapping.writeMode(mode);
        Fields fields = new Fields();
        String checkedSymbol = fields.symbol("symbol", symbol);
        fields.check(body != null && body.length > 0, "body", "must be a CSV file with a header row");
        fields.throwIfInvalid();
        ImportCsvRequest request = ImportCsvRequest.newBuilder()
                .setSymbol(checkedSymbol)
                .setContent(ByteString.copyFrom(body))
                .setMode(writeMode)
                .build();
        return ingest.importCsv(request)
                .map(last -> ReportMapping.toView(checkedSymbol, last))
                .map(report -> IngestResponses.of(report, report.report(), report.rejectedCount()));
    }

    @POST
    @Path("bulk-csv")
    @Consumes(TEXT_CSV)
    @Blocking
    @Operation(
            summary = "Import a daily CSV file of many symbols",
            description = "Imports daily bars of many symbols at once (history in bulk). The header names the columns "
                    + "symbol, date, open, high, low, close and volume, in any order (an Adj Close column is ignored). The "
                    + "file is read as it arrives and streamed to ingest-service in chunks, each committed on its own, so "
                    + "a file of any size (up to the request body limit) is never held whole. Every row is checked as in "
                    + "POST /prices/bars (an unknown symbol is rejected, the other rows are stored); rejections name the "
                    + "1-based line (header = 1) and the column; Yahoo null rows are skipped. The report details the first "
                    + "rejections by line and counts the rest (rejectedCount, rejectionsOmitted). Re-sending the file "
                    + "stores nothing twice; with mode=replace rows that differ from stored bars correct them, as in "
                    + "POST /prices/bars.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = TEXT_CSV,
                            schema = @Schema(type = SchemaType.STRING),
                            examples = @ExampleObject(name = "two symbols", value = ApiExamples.BULK_CSV_INPUT)))
    @APIResponse(
            responseCode = "200",
            description = "The final import report, once every row is committed or rejected.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = BulkCsvImportReport.class),
                            examples = @ExampleObject(name = "report", value = ApiExamples.BULK_CSV_REPORT)))
    @APIResponse(
            responseCode = "422",
            description = "Every row was rejected; the body carries the report.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "400",
            description = "Empty file, a header without the needed columns, or not UTF-8.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<BulkCsvImportReport> importBulkCsv(
            @Parameter(description = "insert (default) or replace (a correction).", example = "insert") @RestQuery
                    String mode,
            InputStream body) {
        BarWriteMode writeMode = PriceMapping.writeMode(mode);
        BulkCsvImport csvImport =
                new BulkCsvImport(BulkCsvReader.open(body, bulk.chunkSize()), writeMode, bulk.maxRejections());
        try {
            ingest.importBars(csvImport);
        } catch (StatusRuntimeException refused) {
            // the chunks acknowledged before are committed: the problem says how many rows, a resend stays safe
            throw new PartlyImportedException(refused, csvImport.report());
        }
        BulkCsvImportReport report = csvImport.report();
        return IngestResponses.of(report, report.report(), report.rejectedCount());
    }

    /** Sends the converted records, if any, and merges the service's report with the conversion rejections. */
    private static <T> Uni<RestResponse<IngestReport>> send(
            ConvertedBatch<T> batch, Function<List<T>, Uni<dev.capflow.proto.common.v1.IngestReport>> call) {
        Uni<IngestReport> report = batch.hasRecords()
                ? call.apply(batch.records()).map(downstream -> batch.merge(ReportMapping.fromProto(downstream)))
                : Uni.createFrom().item(batch.report());
        return report.map(merged -> IngestResponses.of(merged, merged));
    }
}
