package dev.capflow.exposure.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capflow.exposure.fake.FakeDownstreams;
import dev.capflow.proto.exposure.v1.CreateEdgeRequest;
import dev.capflow.proto.exposure.v1.CreateEntityRequest;
import dev.capflow.proto.exposure.v1.DeleteEdgeRequest;
import dev.capflow.proto.exposure.v1.DeleteEntityRequest;
import dev.capflow.proto.exposure.v1.Edge;
import dev.capflow.proto.exposure.v1.EdgeKind;
import dev.capflow.proto.exposure.v1.Entity;
import dev.capflow.proto.exposure.v1.ListEdgesRequest;
import dev.capflow.proto.exposure.v1.ListEdgesResponse;
import dev.capflow.proto.exposure.v1.ListEntitiesRequest;
import dev.capflow.proto.exposure.v1.ListEntitiesResponse;
import dev.capflow.proto.exposure.v1.ListEntityHistoryRequest;
import dev.capflow.proto.exposure.v1.ListEntityHistoryResponse;
import dev.capflow.proto.exposure.v1.UpdateEdgeRequest;
import dev.capflow.proto.exposure.v1.UpdateEntityRequest;
import dev.capflow.testsupport.PostgresRedisResource;
import io.grpc.Status;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Creates retried with a request id, and list RPCs read page by page; the test's own entities are retracted after each test. */
@QuarkusTest
@QuarkusTestResource(PostgresRedisResource.class)
@QuarkusTestResource(FakeDownstreams.class)
class IdempotencyAndPagingGrpcTest extends GrpcTestBase {

    private static final List<String> LABS = List.of("idem-a", "idem-b", "idem-c", "idem-d", "idem-e");
    private static final String RETRACTED = "2000-01-01";

    @AfterEach
    void retractLabs() {
        client()
                .listEdges(ListEdgesRequest.newBuilder()
                        .setAsOf("2025-12-31")
                        .setPageSize(1000)
                        .build())
                .getEdgesList()
                .stream()
                .filter(e -> LABS.contains(e.getFrom()))
                .forEach(e -> client().deleteEdge(DeleteEdgeRequest.newBuilder()
                        .setEdgeId(e.getId())
                        .setValidTo(RETRACTED)
                        .build()));
        client().listEntities(ListEntitiesRequest.newBuilder().setPageSize(1000).build()).getEntitiesList().stream()
                .filter(e -> LABS.contains(e.getId()))
                .forEach(e -> client().deleteEntity(DeleteEntityRequest.newBuilder()
                        .setEntityId(e.getId())
                        .setValidTo(RETRACTED)
                        .build()));
    }

    @Test
    void anEntityCreateRetriedWithItsRequestIdStoresOneVersion() throws Exception {
        CreateEntityRequest request = CreateEntityRequest.newBuilder()
                .setRequestId("entity-retry")
                .setEntity(privateEntity("idem-c", 1e9))
                .build();

        Entity first = client().createEntity(request).getEntity();
        Entity retried = client().createEntity(request).getEntity();

        assertThat(retried).isEqualTo(first);
        assertThat(sqlLong("select count(*) from exposure.entity_version where id = 'idem-c'"))
                .isEqualTo(1);
        var reused = failure(
                Status.Code.ALREADY_EXISTS,
                () -> client().createEntity(CreateEntityRequest.newBuilder()
                        .setRequestId("entity-retry")
                        .setEntity(privateEntity("idem-d", 1e9))
                        .build()));
        assertThat(reused.getStatus().getDescription()).contains("request_id entity-retry");
        assertThat(sqlLong("select count(*) from exposure.entity_version where id = 'idem-d'"))
                .isZero();
    }

    @Test
    void anEdgeCreateWithoutIdRetriedWithItsRequestIdStoresOneEdgeWithOneId() throws Exception {
        List.of("idem-a", "idem-b")
                .forEach(id -> client().createEntity(CreateEntityRequest.newBuilder()
                        .setEntity(privateEntity(id, 1e9))
                        .build()));
        CreateEdgeRequest request = CreateEdgeRequest.newBuilder()
                .setRequestId("edge-retry")
                .setEdge(cash("", "idem-a", "idem-b", EdgeKind.EDGE_KIND_PURCHASE, 2e9, "2025-10-01")
                        .setNote("retried"))
                .build();

        Edge first = client().createEdge(request).getEdge();
        Edge retried = client().createEdge(request).getEdge();

        assertThat(first.getId()).matches("[0-9a-f-]{36}");
        assertThat(retried).isEqualTo(first);
        assertThat(sqlLong("select count(*) from exposure.edge_version where note = 'retried'"))
                .isEqualTo(1);
        var malformed = failure(
                Status.Code.INVALID_ARGUMENT,
                () -> client().createEdge(request.toBuilder()
                        .setRequestId("x".repeat(129))
                        .build()));
        assertThat(violatedFields(malformed)).containsExactly("request_id");
    }

    @Test
    void entitiesEdgesAndHistoriesArePagedInTheirOrder() throws Exception {
        List<String> entities =
                client().listEntities(ListEntitiesRequest.getDefaultInstance()).getEntitiesList().stream()
                        .map(Entity::getId)
                        .toList();
        assertThat(walk(token -> {
                    ListEntitiesResponse page = client().listEntities(ListEntitiesRequest.newBuilder()
                            .setPageSize(3)
                            .setPageToken(token)
                            .build());
                    return new Walked(
                            page.getEntitiesList().stream().map(Entity::getId).toList(), page.getNextPageToken());
                }))
                .isEqualTo(entities)
                .hasSizeGreaterThan(3);

        List<String> edges = client().listEdges(ListEdgesRequest.getDefaultInstance()).getEdgesList().stream()
                .map(Edge::getId)
                .toList();
        assertThat(walk(token -> {
                    ListEdgesResponse page = client().listEdges(ListEdgesRequest.newBuilder()
                            .setPageSize(4)
                            .setPageToken(token)
                            .build());
                    return new Walked(
                            page.getEdgesList().stream().map(Edge::getId).toList(), page.getNextPageToken());
                }))
                .isEqualTo(edges)
                .hasSizeGreaterThan(4);

        Entity created = client().createEntity(CreateEntityRequest.newBuilder()
                        .setEntity(privateEntity("idem-e", 1e9))
                        .build())
                .getEntity();
        client().updateEntity(UpdateEntityRequest.newBuilder()
                .setEntity(created.toBuilder().setName("second").clearValue())
                .build());
        List<String> names = client()
                .listEntityHistory(ListEntityHistoryRequest.newBuilder()
                        .setEntityId("idem-e")
                        .build())
                .getVersionsList()
                .stream()
                .map(Entity::getName)
                .toList();
        assertThat(walk(token -> {
                    ListEntityHistoryResponse page = client().listEntityHistory(ListEntityHistoryRequest.newBuilder()
                            .setEntityId("idem-e")
                            .setPageSize(1)
                            .setPageToken(token)
                            .build());
                    return new Walked(
                            page.getVersionsList().stream().map(Entity::getName).toList(), page.getNextPageToken());
                }))
                .isEqualTo(names)
                .hasSize(2);
    }

    @Test
    void aWalkOfTheEdgesIsReadInItsFirstPagesSnapshotWhateverIsEditedBetweenPages() {
        List.of("idem-a", "idem-b")
                .forEach(id -> client().createEntity(CreateEntityRequest.newBuilder()
                        .setEntity(privateEntity(id, 1e9))
                        .build()));
        List<Edge> created = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            created.add(client().createEdge(CreateEdgeRequest.newBuilder()
                            .setEdge(cash(
                                    "idem-walk-" + i,
                                    "idem-a",
                                    "idem-b",
                                    EdgeKind.EDGE_KIND_PURCHASE,
                                    1e9,
                                    "2001-01-0" + (i + 1)))
                            .build())
                    .getEdge());
        }
        List<String> before = client().listEdges(ListEdgesRequest.getDefaultInstance()).getEdgesList().stream()
                .map(Edge::getId)
                .toList();
        assertThat(before.subList(0, 4)).containsExactly("idem-walk-0", "idem-walk-1", "idem-walk-2", "idem-walk-3");

        ListEdgesResponse first =
                client().listEdges(ListEdgesRequest.newBuilder().setPageSize(2).build());
        // the walk has served idem-walk-0 and -1: one moves behind its position, and one from ahead moves before it
        client().updateEdge(UpdateEdgeRequest.newBuilder()
                .setEdge(created.get(0).toBuilder().setAsOf("2025-12-30"))
                .build());
        client().updateEdge(UpdateEdgeRequest.newBuilder()
                .setEdge(created.get(3).toBuilder().setAsOf("2000-06-01"))
                .build());
        List<String> walked =
                new ArrayList<>(first.getEdgesList().stream().map(Edge::getId).toList());
        walked.addAll(walk(token -> {
            ListEdgesResponse page = client().listEdges(ListEdgesRequest.newBuilder()
                    .setPageSize(2)
                    .setPageToken(token.isEmpty() ? first.getNextPageToken() : token)
                    .build());
            return new Walked(page.getEdgesList().stream().map(Edge::getId).toList(), page.getNextPageToken());
        }));

        assertThat(walked).as("each edge once, as known when the walk began").isEqualTo(before);
        assertThat(client().listEdges(ListEdgesRequest.getDefaultInstance())
                        .getEdges(0)
                        .getId())
                .as("a new walk sees the edits")
                .isEqualTo("idem-walk-3");
    }

    @Test
    void anEditedFrameOutsideThePlatformsDatesIsRefusedNamingTheToken() throws Exception {
        String token = client().listEdges(
                        ListEdgesRequest.newBuilder().setPageSize(1).build())
                .getNextPageToken();
        String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\n");
        assertThat(parts).as("v2, query, frame, last key").hasSize(4);
        for (String frame : List.of("2025-12-31 +10000-01-01T00:00:00Z", "1066-10-14 " + Instant.now(), "yesterday")) {
            String edited = Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(String.join("\n", parts[0], parts[1], frame, parts[3])
                            .getBytes(StandardCharsets.UTF_8));
            var refused = failure(
                    Status.Code.INVALID_ARGUMENT,
                    () -> client().listEdges(ListEdgesRequest.newBuilder()
                            .setPageSize(1)
                            .setPageToken(edited)
                            .build()));
            assertThat(violatedFields(refused)).as(frame).containsExactly("page_token");
        }
    }

    @Test
    void aTokenOnlyContinuesTheQueryThatIssuedIt() throws Exception {
        String token = client().listEdges(ListEdgesRequest.newBuilder()
                        .setAsOf("2025-12-31")
                        .setPageSize(1)
                        .build())
                .getNextPageToken();
        assertThat(token).isNotEmpty();

        var otherDate = failure(
                Status.Code.INVALID_ARGUMENT,
                () -> client().listEdges(ListEdgesRequest.newBuilder()
                        .setAsOf("2025-06-30")
                        .setPageSize(1)
                        .setPageToken(token)
                        .build()));
        var otherRpc = failure(
                Status.Code.INVALID_ARGUMENT,
                () -> client().listEntities(ListEntitiesRequest.newBuilder()
                        .setAsOf("2025-12-31")
                        .setPageSize(1)
                        .setPageToken(token)
                        .build()));

        assertThat(violatedFields(otherDate)).containsExactly("page_token");
        assertThat(violatedFields(otherRpc)).containsExactly("page_token");
        assertThat(client().listEdges(ListEdgesRequest.newBuilder()
                                .setAsOf("2025-12-31")
                                .setPageSize(1)
                                .setPageToken(token)
                                .build())
                        .getEdgesCount())
                .isEqualTo(1);
    }

    private record Walked(List<String> items, String nextPageToken) {}

    /** Every item of every page, following the tokens from the first page. */
    private static List<String> walk(Function<String, Walked> page) {
        List<String> all = new ArrayList<>();
        String token = "";
        do {
            Walked walked = page.apply(token);
            all.addAll(walked.items());
            token = walked.nextPageToken();
        } while (!token.isEmpty());
        return all;
    }
}
