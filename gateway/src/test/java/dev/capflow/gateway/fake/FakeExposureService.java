package dev.capflow.gateway.fake;

import dev.capflow.proto.exposure.v1.CreateEdgeRequest;
import dev.capflow.proto.exposure.v1.CreateEdgeResponse;
import dev.capflow.proto.exposure.v1.CreateEntityRequest;
import dev.capflow.proto.exposure.v1.CreateEntityResponse;
import dev.capflow.proto.exposure.v1.DeleteEdgeRequest;
import dev.capflow.proto.exposure.v1.DeleteEdgeResponse;
import dev.capflow.proto.exposure.v1.DeleteEntityRequest;
import dev.capflow.proto.exposure.v1.DeleteEntityResponse;
import dev.capflow.proto.exposure.v1.ExposureServiceGrpc;
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
import dev.capflow.proto.exposure.v1.StressRequest;
import dev.capflow.proto.exposure.v1.StressResponse;
import dev.capflow.proto.exposure.v1.UpdateEdgeRequest;
import dev.capflow.proto.exposure.v1.UpdateEdgeResponse;
import dev.capflow.proto.exposure.v1.UpdateEntityRequest;
import dev.capflow.proto.exposure.v1.UpdateEntityResponse;
import io.grpc.stub.StreamObserver;

/**
 * A stand-in for exposure-service on the fake server's port: it plays the answers scripted on the shared
 * {@link FakeIngestService} with {@code fake.script(ExposureServiceGrpc.get...Method(), ...)}.
 */
public class FakeExposureService extends ExposureServiceGrpc.ExposureServiceImplBase {

    private final FakeIngestService scripts;

    public FakeExposureService(FakeIngestService scripts) {
        this.scripts = scripts;
    }

    @Override
    public void createEntity(CreateEntityRequest request, StreamObserver<CreateEntityResponse> observer) {
        scripts.answer(ExposureServiceGrpc.getCreateEntityMethod(), request, observer);
    }

    @Override
    public void getEntity(GetEntityRequest request, StreamObserver<GetEntityResponse> observer) {
        scripts.answer(ExposureServiceGrpc.getGetEntityMethod(), request, observer);
    }

    @Override
    public void updateEntity(UpdateEntityRequest request, StreamObserver<UpdateEntityResponse> observer) {
        scripts.answer(ExposureServiceGrpc.getUpdateEntityMethod(), request, observer);
    }

    @Override
    public void deleteEntity(DeleteEntityRequest request, StreamObserver<DeleteEntityResponse> observer) {
        scripts.answer(ExposureServiceGrpc.getDeleteEntityMethod(), request, observer);
    }

    @Override
    public void listEntities(ListEntitiesRequest request, StreamObserver<ListEntitiesResponse> observer) {
        scripts.answer(ExposureServiceGrpc.getListEntitiesMethod(), request, observer);
    }

    @Override
    public void createEdge(CreateEdgeRequest request, StreamObserver<CreateEdgeResponse> observer) {
        scripts.answer(ExposureServiceGrpc.getCreateEdgeMethod(), request, observer);
    }

    @Override
    public void getEdge(GetEdgeRequest request, StreamObserver<GetEdgeResponse> observer) {
        scripts.answer(ExposureServiceGrpc.getGetEdgeMethod(), request, observer);
    }

    @Override
    public void updateEdge(UpdateEdgeRequest request, StreamObserver<UpdateEdgeResponse> observer) {
        scripts.answer(ExposureServiceGrpc.getUpdateEdgeMethod(), request, observer);
    }

    @Override
    public void deleteEdge(DeleteEdgeRequest request, StreamObserver<DeleteEdgeResponse> observer) {
        scripts.answer(ExposureServiceGrpc.getDeleteEdgeMethod(), request, observer);
    }

    @Override
    public void listEdges(ListEdgesRequest request, StreamObserver<ListEdgesResponse> observer) {
        scripts.answer(ExposureServiceGrpc.getListEdgesMethod(), request, observer);
    }

    @Override
    public void listLoops(ListLoopsRequest request, StreamObserver<ListLoopsResponse> observer) {
        scripts.answer(ExposureServiceGrpc.getListLoopsMethod(), request, observer);
    }

    @Override
    public void lookThrough(LookThroughRequest request, StreamObserver<LookThroughResponse> observer) {
        scripts.answer(ExposureServiceGrpc.getLookThroughMethod(), request, observer);
    }

    @Override
    public void stress(StressRequest request, StreamObserver<StressResponse> observer) {
        scripts.answer(ExposureServiceGrpc.getStressMethod(), request, observer);
    }

    @Override
    public void listEdgeHistory(ListEdgeHistoryRequest request, StreamObserver<ListEdgeHistoryResponse> observer) {
        scripts.answer(ExposureServiceGrpc.getListEdgeHistoryMethod(), request, observer);
    }

    @Override
    public void listEntityHistory(
            ListEntityHistoryRequest request, StreamObserver<ListEntityHistoryResponse> observer) {
        scripts.answer(ExposureServiceGrpc.getListEntityHistoryMethod(), request, observer);
    }
}
