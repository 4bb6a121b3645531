package dev.capflow.gateway.client;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import dev.capflow.gateway.config.IngestClientConfig;
import dev.capflow.proto.ingest.v1.AddCorporateActionRequest;
import dev.capflow.proto.ingest.v1.AddCorporateActionResponse;
import dev.capflow.proto.ingest.v1.DeleteCorporateActionRequest;
import dev.capflow.proto.ingest.v1.DeleteCorporateActionResponse;
import dev.capflow.proto.ingest.v1.GetBarsRequest;
import dev.capflow.proto.ingest.v1.GetBarsResponse;
import dev.capflow.proto.ingest.v1.GetLatestPricesRequest;
import dev.capflow.proto.ingest.v1.GetMinuteBarsRequest;
import dev.capflow.proto.ingest.v1.GetMinuteBarsResponse;
import dev.capflow.proto.ingest.v1.GetTicksRequest;
import dev.capflow.proto.ingest.v1.GetTicksResponse;
import dev.capflow.proto.ingest.v1.GetLatestPricesResponse;
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
import io.grpc.Status;
import dev.capflow.grpc.DownstreamGuard;
import dev.capflow.grpc.auth.TokenRelay;
import io.grpc.Channel;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The gateway's only door to ingest-service. Every call carries its own deadline (the stub-wide
 * {@code deadline} setting would be fixed once per stub), reads are retried on UNAVAILABLE, and
 * one circuit breaker guards them all.
 */
@ApplicationScoped
public class IngestClient {

    /** Name of the circuit breaker, for maintenance and metrics. */
    public static final String BREAKER = "ingest";

    private final MutinyIngestServiceStub stub;
    private final IngestServiceGrpc.IngestServiceStub streams;
    private final IngestClientConfig config;
    private final DownstreamGuard guard;

    public IngestClient(@GrpcClient("ingest") MutinyIngestServiceStub stub,
            @GrpcClient("ingest") Channel channel, IngestClientConfig config) {
        this.stub = stub;
        // one shared upstream stream serves every client of a live topic: it carries the gateway's own identity
        this.streams = IngestServiceGrpc.newStub(channel).withOption(TokenRelay.OWN_IDENTITY, true);
        this.config = config;
        this.guard = new DownstreamGuard(BREAKER, config);
    }

    public Uni<ListInstrumentsResponse> listInstruments(ListInstrumentsRequest request) {
        return guard.read(() -> reading().listInstruments(request));
    }

    public Uni<UpsertInstrumentResponse> upsertInstrument(UpsertInstrumentRequest request) {
        return guard.write(() -> writing().upsertInstrument(request));
    }

    public Uni<IngestBarsResponse> ingestBars(IngestBarsRequest request) {
        return guard.write(() -> writing().ingestBars(request));
    }

    /** Sends one batch on the tick stream and answers its acknowledgement once the stream ends. */
    public Uni<IngestTicksResponse> ingestTicks(IngestTicksRequest batch) {
        return guard.write(() -> writing().ingestTicks(Multi.createFrom().item(batch))
                .filter(ack -> ack.getSequence() == batch.getSequence())
                .collect().last()
                .onItem().ifNull().failWith(() -> Status.INTERNAL
                        .withDescription("ingest-service closed the tick stream without acknowledging batch "
                                + batch.getSequence())
                        .asRuntimeException()));
    }

    /** Imports a CSV file and answers the last progress message, which carries the final report. */
    public Uni<ImportCsvResponse> importCsv(ImportCsvRequest request) {
        return guard.write(() -> writing().importCsv(request)
                .collect().last()
                .onItem().ifNull().failWith(() -> Status.INTERNAL
                        .withDescription("ingest-service ended the CSV import without a report")
                        .asRuntimeException()));
    }

    public Uni<GetBarsResponse> getBars(GetBarsRequest request) {
        return guard.read(() -> reading().getBars(request));
    }

    public Uni<GetTicksResponse> getTicks(GetTicksRequest request) {
        return guard.read(() -> reading().getTicks(request));
    }

    public Uni<GetMinuteBarsResponse> getMinuteBars(GetMinuteBarsRequest request) {
        return guard.read(() -> reading().getMinuteBars(request));
    }

    public Uni<GetLatestPricesResponse> getLatestPrices(GetLatestPricesRequest request) {
        return guard.read(() -> reading().getLatestPrices(request));
    }

    public Uni<AddCorporateActionResponse> addCorporateAction(AddCorporateActionRequest request) {
        return guard.write(() -> writing().addCorporateAction(request));
    }

    public Uni<DeleteCorporateActionResponse> deleteCorporateAction(DeleteCorporateActionRequest request) {
        return guard.write(() -> writing().deleteCorporateAction(request));
    }

    public Uni<ListBarRevisionsResponse> listBarRevisions(ListBarRevisionsRequest request) {
        return guard.read(() -> reading().listBarRevisions(request));
    }

    public Uni<ListCorporateActionsResponse> listCorporateActions(ListCorporateActionsRequest request) {
        return guard.read(() -> reading().listCorporateActions(request));
    }

    /**
     * Live ticks of the symbols until cancelled (cancelling cancels the call). Open-ended, so it carries no deadline:
     * the gateway's live stream cancels it when its last client has left, and reopens it with backoff when it fails
     * (no breaker, no retry here).
     */
    public Multi<SubscribePricesResponse> subscribePrices(SubscribePricesRequest request) {
        return ServerStreams.open(streams::subscribePrices, request);
    }

    private MutinyIngestServiceStub reading() {
        return withDeadline(config.readDeadline());
    }

    private MutinyIngestServiceStub writing() {
        return withDeadline(config.writeDeadline());
    }

    private MutinyIngestServiceStub withDeadline(Duration deadline) {
        return stub.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
    }
}
