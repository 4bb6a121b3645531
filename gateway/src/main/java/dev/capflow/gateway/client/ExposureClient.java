package dev.capflow.gateway.client;

import dev.capflow.gateway.config.ExposureClientConfig;
import dev.capflow.grpc.DownstreamCalls;
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
import io.grpc.Channel;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The gateway's only door to exposure-service: a deadline on every call, reads (the analyses included, which
 * store nothing) retried on UNAVAILABLE, writes never, and one circuit breaker of its own.
 */
@Startup // re-resolves its channel from startup on, not from its first call
@ApplicationScoped
public class ExposureClient {

    /** Name of the circuit breaker, for maintenance and metrics. */
    public static final String BREAKER = "exposure";

    private final DownstreamCalls<MutinyExposureServiceStub> calls;

    public ExposureClient(
            @GrpcClient("exposure") MutinyExposureServiceStub stub,
            @GrpcClient("exposure") Channel channel,
            ExposureClientConfig config,
            Vertx vertx) {
        this.calls = new DownstreamCalls<>(BREAKER, stub, channel, config, vertx);
    }

    public Uni<ListEntitiesResponse> listEntities(ListEntitiesRequest request) {
        return calls.read(stub -> stub.listEntities(request));
    }

    public Uni<GetEntityResponse> getEntity(GetEntityRequest request) {
        return calls.read(stub -> stub.getEntity(request));
    }

    public Uni<CreateEntityResponse> createEntity(CreateEntityRequest request) {
        return calls.write(stub -> stub.createEntity(request));
    }

    public Uni<UpdateEntityResponse> updateEntity(UpdateEntityRequest request) {
        return calls.write(stub -> stub.updateEntity(request));
    }

    public Uni<DeleteEntityResponse> deleteEntity(DeleteEntityRequest request) {
        return calls.write(stub -> stub.deleteEntity(request));
    }

    public Uni<ListEdgesResponse> listEdges(ListEdgesRequest request) {
        return calls.read(stub -> stub.listEdges(request));
    }

    public Uni<GetEdgeResponse> getEdge(GetEdgeRequest request) {
        return calls.read(stub -> stub.getEdge(request));
    }

    public Uni<CreateEdgeResponse> createEdge(CreateEdgeRequest request) {
        return calls.write(stub -> stub.createEdge(request));
    }

    public Uni<UpdateEdgeResponse> updateEdge(UpdateEdgeRequest request) {
        return calls.write(stub -> stub.updateEdge(request));
    }

    public Uni<DeleteEdgeResponse> deleteEdge(DeleteEdgeRequest request) {
        return calls.write(stub -> stub.deleteEdge(request));
    }

    public Uni<ListLoopsResponse> listLoops(ListLoopsRequest request) {
        return calls.read(stub -> stub.listLoops(request));
    }

    public Uni<LookThroughResponse> lookThrough(LookThroughRequest request) {
        return calls.read(stub -> stub.lookThrough(request));
    }

    /** A stress run stores nothing, so it is retried like a read. */
    public Uni<StressResponse> stress(StressRequest request) {
        return calls.read(stub -> stub.stress(request));
    }

    public Uni<ListEdgeHistoryResponse> listEdgeHistory(ListEdgeHistoryRequest request) {
        return calls.read(stub -> stub.listEdgeHistory(request));
    }

    public Uni<ListEntityHistoryResponse> listEntityHistory(ListEntityHistoryRequest request) {
        return calls.read(stub -> stub.listEntityHistory(request));
    }

    @PreDestroy
    void close() {
        calls.close();
    }
}
