package dev.capflow.gateway.client;

import dev.capflow.gateway.config.IngestClientConfig;
import dev.capflow.grpc.DownstreamCalls;
import dev.capflow.grpc.WindowedStream;
import dev.capflow.grpc.auth.TokenRelay;
import dev.capflow.proto.ingest.v1.AddCorporateActionRequest;
import dev.capflow.proto.ingest.v1.AddCorporateActionResponse;
import dev.capflow.proto.ingest.v1.DeleteCorporateActionRequest;
import dev.capflow.proto.ingest.v1.DeleteCorporateActionResponse;
import dev.capflow.proto.ingest.v1.GetBarsRequest;
import dev.capflow.proto.ingest.v1.GetBarsResponse;
import dev.capflow.proto.ingest.v1.GetLatestPricesRequest;
import dev.capflow.proto.ingest.v1.GetLatestPricesResponse;
import dev.capflow.proto.ingest.v1.GetMinuteBarsRequest;
import dev.capflow.proto.ingest.v1.GetMinuteBarsResponse;
import dev.capflow.proto.ingest.v1.GetTicksRequest;
import dev.capflow.proto.ingest.v1.GetTicksResponse;
import dev.capflow.proto.ingest.v1.ImportCsvRequest;
import dev.capflow.proto.ingest.v1.ImportCsvResponse;
import dev.capflow.proto.ingest.v1.IngestBarsRequest;
import dev.capflow.proto.ingest.v1.IngestBarsResponse;
import dev.capflow.proto.ingest.v1.IngestServiceGrpc;
import dev.capflow.proto.ingest.v1.IngestTicksRequest;
import dev.capflow.proto.ingest.v1.IngestTicksResponse;
import dev.capflow.proto.ingest.v1.ListBarRevisionsRequest;
import dev.capflow.proto.ingest.v1.ListBarRevisionsResponse;
import dev.capflow.proto.ingest.v1.ListCorporateActionsRequest;
import dev.capflow.proto.ingest.v1.ListCorporateActionsResponse;
import dev.capflow.proto.ingest.v1.ListInstrumentsRequest;
import dev.capflow.proto.ingest.v1.ListInstrumentsResponse;
import dev.capflow.proto.ingest.v1.MutinyIngestServiceGrpc.MutinyIngestServiceStub;
import dev.capflow.proto.ingest.v1.SubscribePricesRequest;
import dev.capflow.proto.ingest.v1.SubscribePricesResponse;
import dev.capflow.proto.ingest.v1.UpsertInstrumentRequest;
import dev.capflow.proto.ingest.v1.UpsertInstrumentResponse;
import io.grpc.Channel;
import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;

/**
 * The gateway's only door to ingest-service. Every call carries its own deadline (the stub-wide
 * {@code deadline} setting would be fixed once per stub), reads are retried on UNAVAILABLE, and
 * one circuit breaker guards them all.
 */
@Startup // re-resolves its channel from startup on, not from its first call
@ApplicationScoped
public class IngestClient {

    /** Name of the circuit breaker, for maintenance and metrics. */
    public static final String BREAKER = "ingest";

    private final DownstreamCalls<MutinyIngestServiceStub> calls;
    private final IngestServiceGrpc.IngestServiceStub streams;
    private final IngestServiceGrpc.IngestServiceStub bulk;
    private final IngestClientConfig config;

    public IngestClient(
            @GrpcClient("ingest") MutinyIngestServiceStub stub,
            @GrpcClient("ingest") Channel channel,
            IngestClientConfig config,
            Vertx vertx) {
        this.calls = new DownstreamCalls<>(BREAKER, stub, channel, config, vertx);
        // one shared upstream stream serves every client of a live topic: it carries the gateway's own identity
        this.streams = IngestServiceGrpc.newStub(channel).withOption(TokenRelay.OWN_IDENTITY, true);
        this.bulk = IngestServiceGrpc.newStub(channel);
        this.config = config;
    }

    public Uni<ListInstrumentsResponse> listInstruments(ListInstrumentsRequest request) {
        return calls.read(stub -> stub.listInstruments(request));
    }

    public Uni<UpsertInstrumentResponse> upsertInstrument(UpsertInstrumentRequest request) {
        return calls.write(stub -> stub.upsertInstrument(request));
    }

    public Uni<IngestBarsResponse> ingestBars(IngestBarsRequest request) {
        return calls.write(stub -> stub.ingestBars(request));
    }

    /** Sends one batch on the tick stream and answers its acknowledgement once the stream ends. */
    public Uni<IngestTicksResponse> ingestTicks(IngestTicksRequest batch) {
        return calls.write(stub -> stub.ingestTicks(Multi.createFrom().item(batch))
                .filter(ack -> ack.getSequence() == batch.getSequence())
                .collect()
                .last()
                .onItem()
                .ifNull()
                .failWith(() -> Status.INTERNAL
                        .withDescription("ingest-service closed the tick stream without acknowledging batch "
                                + batch.getSequence())
                        .asRuntimeException()));
    }

    /** Imports a CSV file and answers the last progress message, which carries the final report. */
    public Uni<ImportCsvResponse> importCsv(ImportCsvRequest request) {
        return calls.write(stub -> stub.importCsv(request)
                .collect()
                .last()
                .onItem()
                .ifNull()
                .failWith(() -> Status.INTERNAL
                        .withDescription("ingest-service ended the CSV import without a report")
                        .asRuntimeException()));
    }

    /**
     * Streams {@code chunks} to ImportBars on one call (deadline {@code bulk.deadline}) with at most
     * {@code bulk.in-flight} unacknowledged, blocking the calling worker thread until every chunk is acknowledged.
     */
    public void importBars(BulkChunks chunks) {
        // the stream runs on the async stub with its own deadline; the write only puts it behind the breaker
        calls.write(unused -> Uni.createFrom().item(() -> {
                    WindowedStream.run(
                            bulk.withDeadlineAfter(config.bulk().deadline().toMillis(), TimeUnit.MILLISECONDS)
                                    ::importBars,
                            chunks::next,
                            chunks::acknowledged,
                            config.bulk().inFlight());
                    return Boolean.TRUE;
                }))
                .await()
                .indefinitely();
    }

    public Uni<GetBarsResponse> getBars(GetBarsRequest request) {
        return calls.read(stub -> stub.getBars(request));
    }

    public Uni<GetTicksResponse> getTicks(GetTicksRequest request) {
        return calls.read(stub -> stub.getTicks(request));
    }

    public Uni<GetMinuteBarsResponse> getMinuteBars(GetMinuteBarsRequest request) {
        return calls.read(stub -> stub.getMinuteBars(request));
    }

    public Uni<GetLatestPricesResponse> getLatestPrices(GetLatestPricesRequest request) {
        return calls.read(stub -> stub.getLatestPrices(request));
    }

    public Uni<AddCorporateActionResponse> addCorporateAction(AddCorporateActionRequest request) {
        return calls.write(stub -> stub.addCorporateAction(request));
    }

    public Uni<DeleteCorporateActionResponse> deleteCorporateAction(DeleteCorporateActionRequest request) {
        return calls.write(stub -> stub.deleteCorporateAction(request));
    }

    public Uni<ListBarRevisionsResponse> listBarRevisions(ListBarRevisionsRequest request) {
        return calls.read(stub -> stub.listBarRevisions(request));
    }

    public Uni<ListCorporateActionsResponse> listCorporateActions(ListCorporateActionsRequest request) {
        return calls.read(stub -> stub.listCorporateActions(request));
    }

    /**
     * Live ticks of the symbols until cancelled (cancelling cancels the call). Open-ended, so it carries no deadline:
     * the gateway's live stream cancels it when its last client has left, and reopens it with backoff when it fails
     * (no breaker, no retry here).
     */
    public Multi<SubscribePricesResponse> subscribePrices(SubscribePricesRequest request) {
        return ServerStreams.open(streams::subscribePrices, request);
    }

    @PreDestroy
    void close() {
        calls.close();
    }
}
