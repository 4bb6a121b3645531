package dev.capflow.exposure.grpc;

import dev.capflow.exposure.config.ExposureConfig;
import dev.capflow.exposure.domain.AmountChoice;
import dev.capflow.exposure.domain.GraphEdge;
import dev.capflow.exposure.domain.GraphValidator;
import dev.capflow.exposure.domain.Snapshot;
import dev.capflow.exposure.engine.LoopQuery;
import dev.capflow.exposure.service.EntityCatalog;
import dev.capflow.exposure.service.ExposureAnalytics;
import dev.capflow.exposure.service.GraphStore;
import dev.capflow.grpc.ExpectedVersion;
import dev.capflow.grpc.idempotency.IdempotencyKey;
import dev.capflow.grpc.idempotency.IdempotencyKeys;
import dev.capflow.grpc.paging.Page;
import dev.capflow.grpc.paging.PageRequest;
import dev.capflow.proto.exposure.v1.CreateEdgeRequest;
import dev.capflow.proto.exposure.v1.CreateEdgeResponse;
import dev.capflow.proto.exposure.v1.CreateEntityRequest;
import dev.capflow.proto.exposure.v1.CreateEntityResponse;
import dev.capflow.proto.exposure.v1.DeleteEdgeRequest;
import dev.capflow.proto.exposure.v1.DeleteEdgeResponse;
import dev.capflow.proto.exposure.v1.DeleteEntityRequest;
import dev.capflow.proto.exposure.v1.DeleteEntityResponse;
import dev.capflow.proto.exposure.v1.Edge;
import dev.capflow.proto.exposure.v1.Entity;
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
import dev.capflow.proto.exposure.v1.MutinyExposureServiceGrpc;
import dev.capflow.proto.exposure.v1.StressRequest;
import dev.capflow.proto.exposure.v1.StressResponse;
import dev.capflow.proto.exposure.v1.UpdateEdgeRequest;
import dev.capflow.proto.exposure.v1.UpdateEdgeResponse;
import dev.capflow.proto.exposure.v1.UpdateEntityRequest;
import dev.capflow.proto.exposure.v1.UpdateEntityResponse;
import dev.capflow.validation.FieldViolation;
import dev.capflow.validation.InvalidRequestException;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/** The capflow.exposure.v1.ExposureService contract: checks request fields, delegates, maps answers and errors. */
@GrpcService
public class ExposureGrpcService extends MutinyExposureServiceGrpc.ExposureServiceImplBase {

    private final EntityCatalog entities;
    private final GraphStore store;
    private final ExposureAnalytics analytics;
    private final ExposureConfig.Loops loops;
    private final IdempotencyKeys keys;

    public ExposureGrpcService(
            EntityCatalog entities,
            GraphStore store,
            ExposureAnalytics analytics,
            ExposureConfig config,
            IdempotencyKeys keys) {
        this.entities = entities;
        this.keys = keys;
        this.store = store;
        this.analytics = analytics;
        this.loops = config.loops();
    }

    @Override
    public Uni<CreateEntityResponse> createEntity(CreateEntityRequest request) {
        Supplier<Uni<CreateEntityResponse>> create =
                () -> entities.create(GraphValidator.entity(ProtoMapper.toDraft(request.getEntity()), "entity."))
                        .map(e -> CreateEntityResponse.newBuilder()
                                .setEntity(ProtoMapper.toProto(e))
                                .build());
        return answer(() -> IdempotencyKey.of(request)
                .map(key -> keys.once(key, create, CreateEntityResponse.parser()))
                .orElseGet(create));
    }

    @Override
    public Uni<GetEntityResponse> getEntity(GetEntityRequest request) {
        return answer(() -> {
            List<FieldViolation> violations = new ArrayList<>();
            Snapshot snapshot =
                    ViewRequests.snapshot(request.getAsOf(), request.hasKnownAt(), request.getKnownAt(), violations);
            throwIfAny(violations);
            return entities.get(GraphValidator.requireId(request.getEntityId(), "entity_id"), snapshot)
                    .map(e -> GetEntityResponse.newBuilder()
                            .setEntity(ProtoMapper.toProto(e))
                            .build());
        });
    }

    @Override
    public Uni<UpdateEntityResponse> updateEntity(UpdateEntityRequest request) {
        Entity entity = request.getEntity().toBuilder()
                .setVersion(ExpectedVersion.ofUpdate(
                        request.hasExpectedVersion(),
                        request.getExpectedVersion(),
                        request.getEntity().getVersion()))
                .build();
        return answer(() -> entities.update(GraphValidator.entity(ProtoMapper.toDraft(entity), "entity."))
                .map(e -> UpdateEntityResponse.newBuilder()
                        .setEntity(ProtoMapper.toProto(e))
                        .build()));
    }

    @Override
    public Uni<DeleteEntityResponse> deleteEntity(DeleteEntityRequest request) {
        Long expected = ExpectedVersion.ofDelete(
                request.hasExpectedVersion(), request.getExpectedVersion(), request.getVersion());
        return answer(() -> entities.delete(
                        GraphValidator.requireId(request.getEntityId(), "entity_id"),
                        expected,
                        GraphValidator.asOf(request.getValidTo(), "valid_to"))
                .map(deleted -> DeleteEntityResponse.getDefaultInstance()));
    }

    @Override
    public Uni<ListEntitiesResponse> listEntities(ListEntitiesRequest request) {
        return answer(() -> {
            List<FieldViolation> violations = new ArrayList<>();
            Snapshot snapshot =
                    ViewRequests.snapshot(request.getAsOf(), request.hasKnownAt(), request.getKnownAt(), violations);
            throwIfAny(violations);
            ViewRequests.FramedPage framed = ViewRequests.framed(snapshot, PageRequest.of(request));
            return entities.list(framed.snapshot(), framed.page())
                    .map(list -> ListEntitiesResponse.newBuilder()
                            .addAllEntities(list.items().stream()
                                    .map(ProtoMapper::toProto)
                                    .toList())
                            .setNextPageToken(list.nextPageToken())
                            .build());
        });
    }

    @Override
    public Uni<CreateEdgeResponse> createEdge(CreateEdgeRequest request) {
        Supplier<Uni<CreateEdgeResponse>> create = () -> {
            GraphEdge edge = GraphValidator.edge(ProtoMapper.toDraft(request.getEdge()), "edge.", false);
            GraphEdge identified =
                    edge.withIdentity(edge.id().isEmpty() ? UUID.randomUUID().toString() : edge.id(), 0);
            return store.insert(identified)
                    .map(e -> CreateEdgeResponse.newBuilder()
                            .setEdge(ProtoMapper.toProto(e))
                            .build());
        };
        return answer(() -> IdempotencyKey.of(request)
                .map(key -> keys.once(key, create, CreateEdgeResponse.parser()))
                .orElseGet(create));
    }

    @Override
    public Uni<GetEdgeResponse> getEdge(GetEdgeRequest request) {
        return answer(() -> {
            List<FieldViolation> violations = new ArrayList<>();
            Snapshot snapshot =
                    ViewRequests.snapshot(request.getAsOf(), request.hasKnownAt(), request.getKnownAt(), violations);
            throwIfAny(violations);
            return store.edge(GraphValidator.requireId(request.getEdgeId(), "edge_id"), snapshot)
                    .map(e -> GetEdgeResponse.newBuilder()
                            .setEdge(ProtoMapper.toProto(e))
                            .build());
        });
    }

    @Override
    public Uni<UpdateEdgeResponse> updateEdge(UpdateEdgeRequest request) {
        Edge edge = request.getEdge().toBuilder()
                .setVersion(ExpectedVersion.ofUpdate(
                        request.hasExpectedVersion(),
                        request.getExpectedVersion(),
                        request.getEdge().getVersion()))
                .build();
        return answer(() -> store.update(GraphValidator.edge(ProtoMapper.toDraft(edge), "edge.", true))
                .map(e -> UpdateEdgeResponse.newBuilder()
                        .setEdge(ProtoMapper.toProto(e))
                        .build()));
    }

    @Override
    public Uni<DeleteEdgeResponse> deleteEdge(DeleteEdgeRequest request) {
        Long expected = ExpectedVersion.ofDelete(
                request.hasExpectedVersion(), request.getExpectedVersion(), request.getVersion());
        return answer(() -> store.deleteEdge(
                        GraphValidator.requireId(request.getEdgeId(), "edge_id"),
                        expected,
                        GraphValidator.asOf(request.getValidTo(), "valid_to"))
                .map(deleted -> DeleteEdgeResponse.getDefaultInstance()));
    }

    @Override
    public Uni<ListEdgesResponse> listEdges(ListEdgesRequest request) {
        return answer(() -> {
            String entity = request.getEntityId().trim();
            List<FieldViolation> violations = new ArrayList<>();
            Snapshot snapshot =
                    ViewRequests.snapshot(request.getAsOf(), request.hasKnownAt(), request.getKnownAt(), violations);
            throwIfAny(violations);
            ViewRequests.FramedPage framed = ViewRequests.framed(snapshot, PageRequest.of(request));
            return store.edges(framed.snapshot(), entity.isEmpty() ? null : entity)
                    .map(all -> Page.of(all, edge -> edge.asOf() + " " + edge.id(), framed.page()))
                    .map(list -> ListEdgesResponse.newBuilder()
                            .addAllEdges(list.items().stream()
                                    .map(ProtoMapper::toProto)
                                    .toList())
                            .setNextPageToken(list.nextPageToken())
                            .build());
        });
    }

    @Override
    public Uni<ListLoopsResponse> listLoops(ListLoopsRequest request) {
        return answer(() -> {
            List<FieldViolation> violations = new ArrayList<>();
            Snapshot snapshot =
                    ViewRequests.snapshot(request.getAsOf(), request.hasKnownAt(), request.getKnownAt(), violations);
            AmountChoice amounts = ViewRequests.amounts(request.getAmounts(), violations);
            throwIfAny(violations);
            return analytics.loops(snapshot, loopQuery(request), amounts).map(AnalysisMapper::toProto);
        });
    }

    @Override
    public Uni<LookThroughResponse> lookThrough(LookThroughRequest request) {
        return answer(() -> {
            List<FieldViolation> violations = new ArrayList<>();
            Snapshot snapshot =
                    ViewRequests.snapshot(request.getAsOf(), request.hasKnownAt(), request.getKnownAt(), violations);
            AmountChoice amounts = ViewRequests.amounts(request.getAmounts(), violations);
            throwIfAny(violations);
            return analytics
                    .lookThrough(GraphValidator.requireId(request.getTarget(), "target"), snapshot, amounts)
                    .map(AnalysisMapper::toProto);
        });
    }

    @Override
    public Uni<StressResponse> stress(StressRequest request) {
        return answer(() -> analytics.stress(StressRequests.toScenario(request)).map(AnalysisMapper::toProto));
    }

    @Override
    public Uni<ListEntityHistoryResponse> listEntityHistory(ListEntityHistoryRequest request) {
        return answer(() -> {
            PageRequest page = PageRequest.of(request);
            return store.entityHistory(GraphValidator.requireId(request.getEntityId(), "entity_id"))
                    .map(versions -> Page.inOrder(versions, page))
                    .map(versions -> ListEntityHistoryResponse.newBuilder()
                            .addAllVersions(versions.items().stream()
                                    .map(ProtoMapper::toProto)
                                    .toList())
                            .setNextPageToken(versions.nextPageToken())
                            .build());
        });
    }

    @Override
    public Uni<ListEdgeHistoryResponse> listEdgeHistory(ListEdgeHistoryRequest request) {
        return answer(() -> {
            PageRequest page = PageRequest.of(request);
            return store.edgeHistory(GraphValidator.requireId(request.getEdgeId(), "edge_id"))
                    .map(versions -> Page.inOrder(versions, page))
                    .map(versions -> ListEdgeHistoryResponse.newBuilder()
                            .addAllVersions(versions.items().stream()
                                    .map(ProtoMapper::toProto)
                                    .toList())
                            .setNextPageToken(versions.nextPageToken())
                            .build());
        });
    }

    private static void throwIfAny(List<FieldViolation> violations) {
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
    }

    /** The request's loop bounds, with the configured defaults for zeros. */
    private LoopQuery loopQuery(ListLoopsRequest request) {
        int maxLength = request.getMaxLength() == 0 ? loops.defaultMaxLength() : request.getMaxLength();
        if (maxLength < 1 || maxLength > loops.maxMaxLength()) {
            throw new InvalidRequestException(
                    "max_length",
                    "must be 1 to " + loops.maxMaxLength() + " (0 for the default, " + loops.defaultMaxLength()
                            + "), got " + request.getMaxLength());
        }
        int limit = request.getLimit() == 0 ? loops.defaultLimit() : request.getLimit();
        if (limit < 1 || limit > loops.maxLimit()) {
            throw new InvalidRequestException(
                    "limit",
                    "must be 1 to " + loops.maxLimit() + " (0 for the default, " + loops.defaultLimit() + "), got "
                            + request.getLimit());
        }
        double minUsd = request.getMinUsd();
        if (!(minUsd >= 0 && Double.isFinite(minUsd))) {
            throw new InvalidRequestException("min_usd", "must be a finite USD amount >= 0, got " + minUsd);
        }
        return new LoopQuery(maxLength, minUsd, limit);
    }

    /** Runs {@code call} (validation failures included) and maps every failure to its gRPC status. */
    private static <T> Uni<T> answer(Supplier<Uni<? extends T>> call) {
        return Uni.createFrom().<T>deferred(call).onFailure().transform(GrpcErrors::toStatus);
    }
}
