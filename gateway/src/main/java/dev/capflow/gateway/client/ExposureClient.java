package dev.capflow.gateway.client;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import dev.capflow.gateway.config.ExposureClientConfig;
import dev.capflow.proto.exposure.v1.CreateEdgeRequest;
import dev.capflow.proto.exposure.v1.CreateEdgeResponse;
import dev.capflow.proto.exposure.v1.CreateEntityRequest;
import dev.capflow.proto.exposure.v1.CreateEntityResponse;
import dev.capflow.proto.exposure.v1.DeleteEdgeRequest;
import dev.capflow.proto.exposure.v1.DeleteEdgeResponse;
import dev.capflow.proto.exposure.v1.DeleteEntityRequest;
import dev.capflow.proto.exposure.v1.DeleteEntityResponse;
import dev.capflow.proto.exposure.v1.GetEdgeRequest;
import dev.capflow.proto.exposure.v1.GetEdgeResponse;
import dev.capflow.proto.exposure.v1.GetEntityRequest;
import dev.capflow.proto.exposure.v1.GetEntityResponse;
import dev.capflow.proto.exposure.v1.ListEdgeHistoryRequest;
import dev.capflow.proto.exposure.v1.ListEdgeHistoryResponse;
import dev.capflow.proto.exposure.v1.ListEdgesRequest;
import dev.capflow.proto.exposure.v1.ListEdgesResponse;
import dev.capflow.proto.exposure.v1.ListEntitiesRequest;
import dev.capflow.proto.exposure.v1.ListEntitiesResponse;
import dev.capflow.proto.exposure.v1.ListEntityHistoryRequest;
import dev.capflow.proto.exposure.v1.ListEntityHistoryResponse;
import dev.capflow.proto.exposure.v1.ListLoopsRequest;
import dev.capflow.proto.exposure.v1.ListLoopsResponse;
import dev.capflow.proto.exposure.v1.LookThroughRequest;
import dev.capflow.proto.exposure.v1.LookThroughResponse;
import dev.capflow.proto.exposure.v1.MutinyExposureServiceGrpc.MutinyExposureServiceStub;
import dev.capflow.proto.exposure.v1.StressRequest;
import dev.capflow.proto.exposure.v1.StressResponse;
import dev.capflow.proto.exposure.v1.UpdateEdgeRequest;
import dev.capflow.proto.exposure.v1.UpdateEdgeResponse;
import dev.capflow.proto.exposure.v1.UpdateEntityRequest;
import dev.capflow.proto.exposure.v1.UpdateEntityResponse;
import dev.capflow.grpc.DownstreamGuard;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The gateway's only door to exposure-service: a deadline on every call, reads (the analyses included, which
 * store nothing) retried on UNAVAILABLE, writes never, and one circuit breaker of its own.
 */
@ApplicationScoped
public class ExposureClient {

    /** Name of the circuit breaker, for maintenance and metrics. */
    public static final String BREAKER = "exposure";

    private final MutinyExposureServiceStub stub;
    private final ExposureClientConfig config;
    private final DownstreamGuard guard;

    public ExposureClient(@GrpcClient("exposure") MutinyExposureServiceStub stub, ExposureClientConfig config) {
        this.stub = stub;
        this.config = config;
        this.guard = new DownstreamGuard(BREAKER, config);
    }

    public Uni<ListEntitiesResponse> listEntities(ListEntitiesRequest request) {
        return guard.read(() -> reading().listEntities(request));
    }

    public Uni<GetEntityResponse> getEntity(GetEntityRequest request) {
        return guard.read(() -> reading().getEntity(request));
    }

    public Uni<CreateEntityResponse> createEntity(CreateEntityRequest request) {
        return guard.write(() -> writing().createEntity(request));
    }

    public Uni<UpdateEntityResponse> updateEntity(UpdateEntityRequest request) {
        return guard.write(() -> writing().updateEntity(request));
    }

    public Uni<DeleteEntityResponse> deleteEntity(DeleteEntityRequest request) {
        return guard.write(() -> writing().deleteEntity(request));
    }

    public Uni<ListEdgesResponse> listEdges(ListEdgesRequest request) {
        return guard.read(() -> reading().listEdges(request));
    }

    public Uni<GetEdgeResponse> getEdge(GetEdgeRequest request) {
        return guard.read(() -> reading().getEdge(request));
    }

    public Uni<CreateEdgeResponse> createEdge(CreateEdgeRequest request) {
        return guard.write(() -> writing().createEdge(request));
    }

    public Uni<UpdateEdgeResponse> updateEdge(UpdateEdgeRequest request) {
        return guard.write(() -> writing().updateEdge(request));
    }

    public Uni<DeleteEdgeResponse> deleteEdge(DeleteEdgeRequest request) {
        return guard.write(() -> writing().deleteEdge(request));
    }

    public Uni<ListLoopsResponse> listLoops(ListLoopsRequest request) {
        return guard.read(() -> reading().listLoops(request));
    }

    public Uni<LookThroughResponse> lookThrough(LookThroughRequest request) {
        return guard.read(() -> reading().lookThrough(request));
    }

    /** A stress run stores nothing, so it is retried like a read. */
    public Uni<StressResponse> stress(StressRequest request) {
        return guard.read(() -> reading().stress(request));
    }

    public Uni<ListEdgeHistoryResponse> listEdgeHistory(ListEdgeHistoryRequest request) {
        return guard.read(() -> reading().listEdgeHistory(request));
    }

    public Uni<ListEntityHistoryResponse> listEntityHistory(ListEntityHistoryRequest request) {
        return guard.read(() -> reading().listEntityHistory(request));
    }

    private MutinyExposureServiceStub reading() {
        return withDeadline(config.readDeadline());
    }

    private MutinyExposureServiceStub writing() {
        return withDeadline(config.writeDeadline());
    }

    private MutinyExposureServiceStub withDeadline(Duration deadline) {
        return stub.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
    }
}
