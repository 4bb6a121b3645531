package dev.capflow.ingest.grpc;

import dev.capflow.grpc.DatabaseFailures;
import dev.capflow.grpc.paging.Page;
import dev.capflow.grpc.paging.PageRequest;
import dev.capflow.ingest.config.IngestConfig;
import dev.capflow.ingest.domain.Adjustment;
import dev.capflow.ingest.domain.BarRevision;
import dev.capflow.ingest.domain.CorporateAction;
import dev.capflow.ingest.domain.CorporateActionValidator;
import dev.capflow.ingest.domain.Instrument;
import dev.capflow.ingest.domain.InstrumentValidator;
import dev.capflow.ingest.domain.Symbols;
import dev.capflow.ingest.domain.Tick;
import dev.capflow.ingest.pricestream.ChangeRelay;
import dev.capflow.ingest.pricestream.PriceStreamReader;
import dev.capflow.ingest.service.BarIngestService;
import dev.capflow.ingest.service.BarQueryService;
import dev.capflow.ingest.service.CorporateActionService;
import dev.capflow.ingest.service.CsvImportService;
import dev.capflow.ingest.service.InstrumentService;
import dev.capflow.ingest.service.LatestPriceService;
import dev.capflow.ingest.service.TickIngestService;
import dev.capflow.ingest.service.TickQueryService;
import dev.capflow.proto.ingest.v1.AddCorporateActionRequest;
import dev.capflow.proto.ingest.v1.AddCorporateActionResponse;
import dev.capflow.proto.ingest.v1.DeleteCorporateActionRequest;
import dev.capflow.proto.ingest.v1.DeleteCorporateActionResponse;
import dev.capflow.proto.ingest.v1.GetBarsBatchRequest;
import dev.capflow.proto.ingest.v1.GetBarsBatchResponse;
import dev.capflow.proto.ingest.v1.GetBarsRequest;
import dev.capflow.proto.ingest.v1.GetBarsResponse;
import dev.capflow.proto.ingest.v1.GetLatestPricesRequest;
import dev.capflow.proto.ingest.v1.GetLatestPricesResponse;
import dev.capflow.proto.ingest.v1.GetMinuteBarsRequest;
import dev.capflow.proto.ingest.v1.GetMinuteBarsResponse;
import dev.capflow.proto.ingest.v1.GetTicksRequest;
import dev.capflow.proto.ingest.v1.GetTicksResponse;
import dev.capflow.proto.ingest.v1.ImportBarsRequest;
import dev.capflow.proto.ingest.v1.ImportBarsResponse;
import dev.capflow.proto.ingest.v1.ImportCsvRequest;
import dev.capflow.proto.ingest.v1.ImportCsvResponse;
import dev.capflow.proto.ingest.v1.IngestBarsRequest;
import dev.capflow.proto.ingest.v1.IngestBarsResponse;
import dev.capflow.proto.ingest.v1.IngestServiceGrpc;
import dev.capflow.proto.ingest.v1.IngestTicksResponse;
import dev.capflow.proto.ingest.v1.ListBarRevisionsRequest;
import dev.capflow.proto.ingest.v1.ListBarRevisionsResponse;
import dev.capflow.proto.ingest.v1.ListCorporateActionsRequest;
import dev.capflow.proto.ingest.v1.ListCorporateActionsResponse;
import dev.capflow.proto.ingest.v1.ListInstrumentsRequest;
import dev.capflow.proto.ingest.v1.ListInstrumentsResponse;
import dev.capflow.proto.ingest.v1.MutinyIngestServiceGrpc;
import dev.capflow.proto.ingest.v1.StreamBarsRequest;
import dev.capflow.proto.ingest.v1.StreamBarsResponse;
import dev.capflow.proto.ingest.v1.SubscribePricesRequest;
import dev.capflow.proto.ingest.v1.SubscribePricesResponse;
import dev.capflow.proto.ingest.v1.UpsertInstrumentRequest;
import dev.capflow.proto.ingest.v1.UpsertInstrumentResponse;
import dev.capflow.validation.FieldViolation;
import dev.capflow.validation.InvalidRequestException;
import io.grpc.MethodDescriptor;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.stub.ServerCalls;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/** The capflow.ingest.v1.IngestService contract: checks request fields, delegates, maps answers and errors. */
@GrpcService
public class IngestGrpcService extends MutinyIngestServiceGrpc.IngestServiceImplBase {

    private final InstrumentService instruments;
    private final BarIngestService barIngest;
    private final TickIngestService tickIngest;
    private final CsvImportService csvImport;
    private final BarQueryService barQueries;
    private final LatestPriceService latestPrices;
    private final CorporateActionService corporateActions;
    private final TickQueryService tickQueries;
    private final PriceStreamReader liveTicks;
    private final ChangeRelay changeRelay;
    private final IngestConfig config;
    private final Clock clock;

    public IngestGrpcService(
            InstrumentService instruments,
            BarIngestService barIngest,
            TickIngestService tickIngest,
            CsvImportService csvImport,
            BarQueryService barQueries,
            LatestPriceService latestPrices,
            CorporateActionService corporateActions,
            TickQueryService tickQueries,
            PriceStreamReader liveTicks,
            ChangeRelay changeRelay,
            IngestConfig config,
            Clock clock) {
        this.instruments = instruments;
        this.barIngest = barIngest;
        this.tickIngest = tickIngest;
        this.csvImport = csvImport;
        this.barQueries = barQueries;
        this.latestPrices = latestPrices;
        this.corporateActions = corporateActions;
        this.tickQueries = tickQueries;
        this.liveTicks = liveTicks;
        this.changeRelay = changeRelay;
        this.config = config;
        this.clock = clock;
    }

    /**
     * The generated binding, except SubscribePrices and StreamBars, which are served with transport flow control, and
     * IngestTicks, whose requests are read straight into tick inputs ({@link TickBatchMarshaller}). grpc-java wants
     * every bound method to be its service descriptor's own, so the descriptor is rebuilt with IngestTicks' (the
     * schema kept, for reflection).
     */
    @Override
    public ServerServiceDefinition bindService() {
        ServerServiceDefinition generated = super.bindService();
        MethodDescriptor<TickBatch, IngestTicksResponse> ingestTicks = TickBatchMarshaller.INGEST_TICKS;
        Set<String> rebound = Set.of(
                IngestServiceGrpc.getSubscribePricesMethod().getFullMethodName(),
                IngestServiceGrpc.getStreamBarsMethod().getFullMethodName(),
                ingestTicks.getFullMethodName());
        ServiceDescriptor generatedDescriptor = generated.getServiceDescriptor();
        ServiceDescriptor.Builder descriptor = ServiceDescriptor.newBuilder(generatedDescriptor.getName())
                .setSchemaDescriptor(generatedDescriptor.getSchemaDescriptor());
        generatedDescriptor.getMethods().stream()
                .map(method ->
                        method.getFullMethodName().equals(ingestTicks.getFullMethodName()) ? ingestTicks : method)
                .forEach(descriptor::addMethod);
        ServerServiceDefinition.Builder service = ServerServiceDefinition.builder(descriptor.build());
        generated.getMethods().stream()
                .filter(method -> !rebound.contains(method.getMethodDescriptor().getFullMethodName()))
                .forEach(service::addMethod);
        return service.addMethod(
                        IngestServiceGrpc.getSubscribePricesMethod(),
                        ServerCalls.asyncServerStreamingCall(
                                (request, observer) -> FlowControlledStream.serve(subscribePrices(request), observer)))
                .addMethod(
                        IngestServiceGrpc.getStreamBarsMethod(),
                        ServerCalls.asyncServerStreamingCall(
                                (request, observer) -> FlowControlledStream.serve(streamBars(request), observer)))
                // bridged to Mutiny as the generated binding bridges a bidirectional stream
                .addMethod(
                        ingestTicks,
                        ServerCalls.asyncBidiStreamingCall(responses ->
                                io.quarkus.grpc.stubs.ServerCalls.manyToMany(responses, this::ingestTickBatches)))
                .build();
    }

    @Override
    public Uni<UpsertInstrumentResponse> upsertInstrument(UpsertInstrumentRequest request) {
        return guarded(() -> {
            if (!request.hasInstrument()) {
                throw new InvalidRequestException("instrument", "required");
            }
            Instrument instrument =
                    InstrumentValidator.validate(ProtoMapper.instrument(request.getInstrument()), "instrument");
            Long expected = ProtoMapper.expectedVersion(request);
            // the same new instrument PUT twice at once: the loser's second run updates what the winner created
            return DatabaseFailures.againAfterDuplicateKey(() -> instruments.upsert(instrument, expected))
                    // after the commit, which recorded the change entry: a new currency converts the symbol's
                    // prices differently, so the answers of its baskets become stale before the caller hears of it
                    .call(upserted -> upserted.currencyChanged()
                            ? changeRelay.committed(
                                    List.of(upserted.instrument().symbol()))
                            : Uni.createFrom().voidItem())
                    .map(upserted -> UpsertInstrumentResponse.newBuilder()
                            .setInstrument(ProtoMapper.toProto(upserted.instrument()))
                            .setCreated(upserted.created())
                            .build());
        });
    }

    @Override
    public Uni<ListInstrumentsResponse> listInstruments(ListInstrumentsRequest request) {
        return guarded(() -> {
            // a lookup of given symbols has at most one instrument per symbol: by default all of them in one page
            PageRequest page = PageRequest.of(
                    request, request.getSymbolsCount() == 0 ? PageRequest.DEFAULT_SIZE : request.getSymbolsCount());
            return instruments
                    .list(
                            symbolList(request.getSymbolsList(), "symbols", true),
                            ProtoMapper.kindFilter(request.getKind(), "kind"))
                    .map(all -> Page.of(all, Instrument::symbol, page))
                    .map(found -> ListInstrumentsResponse.newBuilder()
                            .addAllInstruments(found.items().stream()
                                    .map(ProtoMapper::toProto)
                                    .toList())
                            .setNextPageToken(found.nextPageToken())
                            .build());
        });
    }

    @Override
    public Uni<IngestBarsResponse> ingestBars(IngestBarsRequest request) {
        // the count is checked before any record is converted: an oversized request costs no work
        return guarded(() -> barIngest
                .ingest(
                        ProtoMapper.barInputs(
                                BatchLimits.checked(request.getBarsList(), "bars", config.maxBarsPerRequest())),
                        ProtoMapper.writeMode(request.getMode()))
                .map(result -> IngestBarsResponse.newBuilder()
                        .setReport(ProtoMapper.toProto(result))
                        .build()));
    }

    @Override
    public Uni<ListBarRevisionsResponse> listBarRevisions(ListBarRevisionsRequest request) {
        return guarded(() -> {
            String symbol = requiredSymbol(request.getSymbol(), "symbol");
            Window window = Window.of(request.getFrom(), request.getTo());
            PageRequest page = PageRequest.of(request);
            return barQueries
                    .revisions(symbol, window.from(), window.to())
                    .map(all -> Page.of(all, BarRevision::pageKey, page))
                    .map(revisions -> ListBarRevisionsResponse.newBuilder()
                            .addAllRevisions(revisions.items().stream()
                                    .map(ProtoMapper::toProto)
                                    .toList())
                            .setNextPageToken(revisions.nextPageToken())
                            .build());
        });
    }

    /** IngestTicks, its requests read into batches by {@link TickBatchMarshaller}. */
    private Multi<IngestTicksResponse> ingestTickBatches(Multi<TickBatch> batches) {
        // a few batches at once keep PostgreSQL busy while the next batch is decoded; each acknowledgement
        // still follows its own batch's commit and names its sequence, so order does not matter
        return batches.onItem()
                .transformToUni(batch -> Uni.createFrom()
                        .deferred(() -> tickIngest
                                .ingest(BatchLimits.checked(batch.ticks(), "ticks", config.maxTicksPerBatch()))
                                .map(result -> IngestTicksResponse.newBuilder()
                                        .setSequence(batch.sequence())
                                        .setReport(ProtoMapper.toProto(result))
                                        .build())))
                .merge(config.tickBatchConcurrency())
                .onFailure()
                .transform(GrpcErrors::toStatus);
    }

    @Override
    public Multi<ImportBarsResponse> importBars(Multi<ImportBarsRequest> requests) {
        // as for ticks: a few chunks in flight keep PostgreSQL busy while the next one is decoded and checked
        BulkProgress progress = new BulkProgress();
        return requests.onItem()
                .transformToUni(chunk -> Uni.createFrom()
                        .deferred(() -> barIngest
                                .ingest(
                                        ProtoMapper.barInputs(BatchLimits.checked(
                                                chunk.getBarsList(), "bars", config.maxBarsPerRequest())),
                                        ProtoMapper.writeMode(chunk.getMode()))
                                .map(result ->
                                        progress.acknowledge(chunk, ProtoMapper.toProto(result, chunk.getBarsList())))))
                .merge(config.barChunkConcurrency())
                .onFailure()
                .transform(GrpcErrors::toStatus);
    }

    @Override
    public Multi<ImportCsvResponse> importCsv(ImportCsvRequest request) {
        return guardedMulti(() -> csvImport
                .importBytes(
                        request.getSymbol(),
                        request.getContent().toByteArray(),
                        ProtoMapper.layout(request.getLayout()),
                        ProtoMapper.writeMode(request.getMode()))
                .map(ProtoMapper::toProto));
    }

    @Override
    public Uni<GetBarsResponse> getBars(GetBarsRequest request) {
        return guarded(() -> {
            String symbol = requiredSymbol(request.getSymbol(), "symbol");
            Window window = Window.of(request.getFrom(), request.getTo());
            Adjustment adjustment = ProtoMapper.adjustment(request.getAdjustment());
            return barQueries
                    .series(List.of(symbol), window.from(), window.to(), adjustment)
                    .map(series -> UnaryAnswerSize.checked(
                            toProto(series.get(0), adjustment),
                            series.get(0).bars().size(),
                            "from"));
        });
    }

    @Override
    public Uni<GetBarsBatchResponse> getBarsBatch(GetBarsBatchRequest request) {
        return guarded(() -> {
            List<String> symbols = symbolList(request.getSymbolsList(), "symbols", false);
            Window window = Window.of(request.getFrom(), request.getTo());
            Adjustment adjustment = ProtoMapper.adjustment(request.getAdjustment());
            return barQueries
                    .series(symbols, window.from(), window.to(), adjustment)
                    .map(series -> UnaryAnswerSize.checked(
                            GetBarsBatchResponse.newBuilder()
                                    .addAllSeries(series.stream()
                                            .map(one -> toProto(one, adjustment))
                                            .toList())
                                    .build(),
                            series.stream().mapToInt(one -> one.bars().size()).sum(),
                            "from"));
        });
    }

    @Override
    public Multi<StreamBarsResponse> streamBars(StreamBarsRequest request) {
        return guardedMulti(() -> {
            List<String> symbols = symbolList(request.getSymbolsList(), "symbols", false, config.maxSymbolsPerStream());
            Window window = Window.of(request.getFrom(), request.getTo());
            Adjustment adjustment = ProtoMapper.adjustment(request.getAdjustment());
            if (request.getClosesOnly()) {
                return barQueries
                        .streamCloses(
                                symbols,
                                window.from(),
                                window.to(),
                                adjustment,
                                config.streamSymbolsPerRead(),
                                config.streamReadsAtOnce())
                        .onItem()
                        .transformToIterable(series -> pieces(
                                series.symbol(),
                                adjustment,
                                series.size(),
                                (piece, from, to) -> PackedCloseColumns.fill(piece, series, from, to)));
            }
            return barQueries.stream(symbols, window.from(), window.to(), adjustment, config.streamSymbolsPerRead())
                    .onItem()
                    .transformToIterable(series -> pieces(
                            series.symbol(),
                            adjustment,
                            series.bars().size(),
                            (piece, from, to) -> piece.addAllBars(series.bars().subList(from, to).stream()
                                    .map(ProtoMapper::toProto)
                                    .toList())));
        });
    }

    /** Fills a StreamBars piece with the bars {@code [from, to)} of its series. */
    @FunctionalInterface
    private interface PieceContent {
        void fill(StreamBarsResponse.Builder piece, int from, int to);
    }

    /** A series of {@code bars} bars cut into pieces of at most bars-per-piece bars; one empty piece when it has none. */
    private List<StreamBarsResponse> pieces(String symbol, Adjustment adjustment, int bars, PieceContent content) {
        List<StreamBarsResponse> pieces = new ArrayList<>();
        int start = 0;
        do {
            StreamBarsResponse.Builder piece =
                    StreamBarsResponse.newBuilder().setSymbol(symbol).setAdjustment(ProtoMapper.toProto(adjustment));
            content.fill(piece, start, Math.min(bars, start + config.barsPerPiece()));
            pieces.add(piece.build());
            start += config.barsPerPiece();
        } while (start < bars);
        return pieces;
    }

    @Override
    public Uni<GetLatestPricesResponse> getLatestPrices(GetLatestPricesRequest request) {
        return guarded(() -> latestPrices
                .latest(symbolList(request.getSymbolsList(), "symbols", false))
                .map(prices -> GetLatestPricesResponse.newBuilder()
                        .addAllPrices(prices.stream().map(ProtoMapper::toProto).toList())
                        .build()));
    }

    @Override
    public Uni<AddCorporateActionResponse> addCorporateAction(AddCorporateActionRequest request) {
        return guarded(() -> {
            if (!request.hasAction()) {
                throw new InvalidRequestException("action", "required");
            }
            dev.capflow.proto.ingest.v1.CorporateAction action = request.getAction();
            CorporateAction validated = CorporateActionValidator.validate(
                    action.getSymbol(),
                    action.getExDate(),
                    ProtoMapper.actionKind(action.getKind()),
                    action.getRatio(),
                    action.getAmount(),
                    latestExDate(),
                    "action");
            // the same action sent twice at once: the loser's second run finds it recorded, as a resend would
            return DatabaseFailures.againAfterDuplicateKey(() -> corporateActions.add(validated))
                    // after the commit, which recorded the change entry: basket answers computed from the old
                    // history become stale now, before the caller hears of it
                    .call(added -> added.created()
                            ? changeRelay.committed(List.of(added.action().symbol()))
                            : Uni.createFrom().voidItem())
                    .map(added -> AddCorporateActionResponse.newBuilder()
                            .setAction(ProtoMapper.toProto(added.action()))
                            .setCreated(added.created())
                            .build());
        });
    }

    @Override
    public Uni<DeleteCorporateActionResponse> deleteCorporateAction(DeleteCorporateActionRequest request) {
        return guarded(() -> corporateActions
                .delete(CorporateActionValidator.validateKey(
                        request.getSymbol(), request.getExDate(), ProtoMapper.actionKind(request.getKind())))
                // after the commit, as for an added action: answers computed from the old history become stale
                .call(deleted -> changeRelay.committed(List.of(deleted.symbol())))
                .map(deleted -> DeleteCorporateActionResponse.newBuilder()
                        .setAction(ProtoMapper.toProto(deleted))
                        .build()));
    }

    @Override
    public Uni<ListCorporateActionsResponse> listCorporateActions(ListCorporateActionsRequest request) {
        return guarded(() -> {
            PageRequest page = PageRequest.of(request);
            return corporateActions
                    .list(requiredSymbol(request.getSymbol(), "symbol"))
                    .map(all -> Page.of(all, action -> action.exDate() + " " + action.kind(), page))
                    .map(actions -> ListCorporateActionsResponse.newBuilder()
                            .addAllActions(actions.items().stream()
                                    .map(ProtoMapper::toProto)
                                    .toList())
                            .setNextPageToken(actions.nextPageToken())
                            .build());
        });
    }

    @Override
    public Multi<SubscribePricesResponse> subscribePrices(SubscribePricesRequest request) {
        return guardedMulti(() -> liveTicks
                .subscribe(Set.copyOf(symbolList(request.getSymbolsList(), "symbols", true)))
                .map(ProtoMapper::toProto));
    }

    @Override
    public Uni<GetTicksResponse> getTicks(GetTicksRequest request) {
        return guarded(() -> {
            HistoryQuery<Tick.Position> query = HistoryQuery.of(
                    request.getSymbol(),
                    request.hasFrom() ? request.getFrom() : null,
                    request.hasTo() ? request.getTo() : null,
                    request.getPageSize(),
                    request.getPageToken(),
                    PageTokens::decode);
            return tickQueries
                    .page(query.symbol(), query.from(), query.to(), query.after(), query.pageSize())
                    .map(page -> GetTicksResponse.newBuilder()
                            .addAllTicks(page.ticks().stream()
                                    .map(ProtoMapper::toProto)
                                    .toList())
                            .setNextPageToken(PageTokens.encode(page.next(), query.key()))
                            .build());
        });
    }

    @Override
    public Uni<GetMinuteBarsResponse> getMinuteBars(GetMinuteBarsRequest request) {
        return guarded(() -> {
            HistoryQuery<Instant> query = HistoryQuery.of(
                    request.getSymbol(),
                    request.hasFrom() ? request.getFrom() : null,
                    request.hasTo() ? request.getTo() : null,
                    request.getPageSize(),
                    request.getPageToken(),
                    PageTokens::decodeMinute);
            return tickQueries
                    .minuteBars(query.symbol(), query.from(), query.to(), query.after(), query.pageSize())
                    .map(page -> GetMinuteBarsResponse.newBuilder()
                            .addAllBars(page.bars().stream()
                                    .map(ProtoMapper::toProto)
                                    .toList())
                            .setNextPageToken(PageTokens.encodeMinute(page.next(), query.key()))
                            .build());
        });
    }

    private static GetBarsResponse toProto(BarQueryService.BarSeries series, Adjustment adjustment) {
        return GetBarsResponse.newBuilder()
                .setSymbol(series.symbol())
                .setAdjustment(ProtoMapper.toProto(adjustment))
                .addAllBars(series.bars().stream().map(ProtoMapper::toProto).toList())
                .build();
    }

    /** The latest ex-date a corporate action may have: one year ahead of today (UTC). */
    private LocalDate latestExDate() {
        return LocalDate.now(clock).plusYears(1);
    }

    private static String requiredSymbol(String raw, String field) {
        String problem = Symbols.problem(raw);
        if (problem != null) {
            throw new InvalidRequestException(field, problem);
        }
        return Symbols.normalize(raw);
    }

    /** Normalized distinct symbols in request order; blank entries are named by their index. */
    private List<String> symbolList(List<String> raw, String field, boolean allowEmpty) {
        return symbolList(raw, field, allowEmpty, config.maxSymbolsPerQuery());
    }

    private static List<String> symbolList(List<String> raw, String field, boolean allowEmpty, int max) {
        List<FieldViolation> violations = new ArrayList<>();
        if (raw.isEmpty() && !allowEmpty) {
            violations.add(new FieldViolation(field, "at least one symbol is required"));
        }
        if (raw.size() > max) {
            // refused before any symbol is looked at
            throw new InvalidRequestException(field, "at most " + max + " symbols per request, got " + raw.size());
        }
        for (int i = 0; i < raw.size(); i++) {
            String problem = Symbols.problem(raw.get(i));
            if (problem != null) {
                violations.add(new FieldViolation(
                        field + "[" + i + "]", problem.equals("required") ? "blank symbol" : problem));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        return List.copyOf(Symbols.distinct(raw));
    }

    private static <T> Uni<T> guarded(Supplier<Uni<? extends T>> call) {
        return Uni.createFrom().deferred(call).onFailure().transform(GrpcErrors::toStatus);
    }

    private static <T> Multi<T> guardedMulti(Supplier<Multi<? extends T>> call) {
        return Multi.createFrom().deferred(call).onFailure().transform(GrpcErrors::toStatus);
    }

    /** Inclusive date bounds of a query; null is unbounded. */
    private record Window(LocalDate from, LocalDate to) {

        static Window of(String fromText, String toText) {
            LocalDate from = ProtoMapper.optionalDate(fromText, "from");
            LocalDate to = ProtoMapper.optionalDate(toText, "to");
            if (from != null && to != null && from.isAfter(to)) {
                throw new InvalidRequestException("from", "from " + from + " is after to " + to);
            }
            return new Window(from, to);
        }
    }
}
