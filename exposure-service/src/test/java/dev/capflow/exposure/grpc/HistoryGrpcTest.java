package dev.capflow.exposure.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import dev.capflow.exposure.fake.FakeDownstreams;
import dev.capflow.proto.exposure.v1.CreateEdgeRequest;
import dev.capflow.proto.exposure.v1.CreateEntityRequest;
import dev.capflow.proto.exposure.v1.DeleteEdgeRequest;
import dev.capflow.proto.exposure.v1.DeleteEntityRequest;
import dev.capflow.proto.exposure.v1.Edge;
import dev.capflow.proto.exposure.v1.EdgeKind;
import dev.capflow.proto.exposure.v1.Entity;
import dev.capflow.proto.exposure.v1.GetEdgeRequest;
import dev.capflow.proto.exposure.v1.GetEntityRequest;
import dev.capflow.proto.exposure.v1.ListEdgeHistoryRequest;
import dev.capflow.proto.exposure.v1.ListEdgesRequest;
import dev.capflow.proto.exposure.v1.ListEntityHistoryRequest;
import dev.capflow.proto.exposure.v1.ListLoopsRequest;
import dev.capflow.proto.exposure.v1.UpdateEdgeRequest;
import dev.capflow.proto.exposure.v1.UpdateEntityRequest;
import dev.capflow.testsupport.PostgresRedisResource;
import io.grpc.Status;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bitemporal graph: an edit is a new version, a delete closes the validity, and every past view stays readable. */
@QuarkusTest
@QuarkusTestResource(PostgresRedisResource.class)
@QuarkusTestResource(FakeDownstreams.class)
class HistoryGrpcTest extends GrpcTestBase {

    private static final List<String> LABS = List.of("hist-a", "hist-b");
    private static final String RETRACTED = "2000-01-01";

    @BeforeEach
    void createLabs() {
        LABS.forEach(id -> client().createEntity(CreateEntityRequest.newBuilder()
                .setEntity(privateEntity(id, 1e9))
                .build()));
    }

    @AfterEach
    void retractLabs() {
        for (String id : List.of("ab", "ba", "amended")) {
            try {
                client().deleteEdge(DeleteEdgeRequest.newBuilder()
                        .setEdgeId(id)
                        .setValidTo(RETRACTED)
                        .build());
            } catch (io.grpc.StatusRuntimeException gone) {
                assertThat(gone.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
            }
        }
        LABS.forEach(id -> client().deleteEntity(DeleteEntityRequest.newBuilder()
                .setEntityId(id)
                .setValidTo(RETRACTED)
                .build()));
    }

    @Test
    void anAmendedThenDeletedEdgeIsStillSeenInThePastAndAsKnownBefore() {
        Edge created = client().createEdge(CreateEdgeRequest.newBuilder()
                        .setEdge(cash("amended", "hist-a", "hist-b", EdgeKind.EDGE_KIND_PURCHASE, 5e9, "2025-03-01"))
                        .build())
                .getEdge();
        client().createEdge(CreateEdgeRequest.newBuilder()
                .setEdge(cash("ba", "hist-b", "hist-a", EdgeKind.EDGE_KIND_INVESTMENT, 1e9, "2025-03-01"))
                .build());
        Edge amended = client().updateEdge(UpdateEdgeRequest.newBuilder()
                        .setEdge(created.toBuilder().setAmountUsd(8e9).setAsOf("2025-09-01"))
                        .build())
                .getEdge();
        assertThat(amended.getVersion()).isEqualTo(1);
        Timestamp beforeDelete = amended.getRecordedAt();
        failure(
                Status.Code.ABORTED,
                () -> client().updateEdge(UpdateEdgeRequest.newBuilder()
                        .setEdge(created.toBuilder().setAmountUsd(9e9))
                        .build()));
        client().deleteEdge(DeleteEdgeRequest.newBuilder()
                .setEdgeId("amended")
                .setVersion(1)
                .setValidTo("2025-11-01")
                .build());

        // valid time: the old amount before the amendment, the new one until the delete, nothing after it
        assertThat(amended("2025-06-01", null).getAmountUsd()).isEqualTo(5e9);
        assertThat(amended("2025-06-01", null).getValidTo()).isEqualTo("2025-09-01");
        assertThat(amended("2025-10-01", null).getAmountUsd()).isEqualTo(8e9);
        assertThat(amended("2025-10-01", null).getValidTo()).isEqualTo("2025-11-01");
        failure(Status.Code.NOT_FOUND, () -> amended("2025-12-01", null));
        failure(
                Status.Code.NOT_FOUND,
                () -> client().getEdge(
                                GetEdgeRequest.newBuilder().setEdgeId("amended").build()));

        // record time: before the amendment the edge held with its old amount on every later date
        assertThat(amended("2025-12-01", created.getRecordedAt()).getAmountUsd())
                .isEqualTo(5e9);
        assertThat(amended("2025-12-01", created.getRecordedAt()).getValidTo()).isEmpty();
        assertThat(amended("2025-12-01", beforeDelete).getAmountUsd()).isEqualTo(8e9);
        assertThat(client().listEdges(ListEdgesRequest.newBuilder()
                                .setAsOf("2025-12-01")
                                .setEntityId("hist-a")
                                .setKnownAt(beforeDelete)
                                .build())
                        .getEdgesList())
                .extracting(Edge::getId)
                .containsExactly("ba", "amended");

        // the loop hist-a -> hist-b -> hist-a, as it stood and as it was known
        assertThat(loopCount("2025-10-01", null)).isEqualTo(1);
        assertThat(loopCount("2025-12-01", null)).isZero();
        assertThat(loopCount("2025-12-01", beforeDelete)).isEqualTo(1);

        List<Edge> history = client().listEdgeHistory(
                        ListEdgeHistoryRequest.newBuilder().setEdgeId("amended").build())
                .getVersionsList();
        assertThat(history)
                .extracting(
                        Edge::getVersion, Edge::getAmountUsd, Edge::getAsOf, Edge::getValidTo, Edge::hasSupersededAt)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(0L, 5e9, "2025-03-01", "", true),
                        org.assertj.core.groups.Tuple.tuple(1L, 5e9, "2025-03-01", "2025-09-01", false),
                        org.assertj.core.groups.Tuple.tuple(1L, 8e9, "2025-09-01", "", true),
                        org.assertj.core.groups.Tuple.tuple(2L, 8e9, "2025-09-01", "2025-11-01", false));
        failure(
                Status.Code.NOT_FOUND,
                () -> client().listEdgeHistory(ListEdgeHistoryRequest.newBuilder()
                        .setEdgeId("never-stored")
                        .build()));
    }

    @Test
    void aCorrectionFromTheSameDateReplacesTheVersionAndAnEarlierMarkStaysInThePast() throws Exception {
        Edge created = client().createEdge(CreateEdgeRequest.newBuilder()
                        .setEdge(cash("ab", "hist-a", "hist-b", EdgeKind.EDGE_KIND_PURCHASE, 5e9, "2025-03-01"))
                        .build())
                .getEdge();
        client().updateEdge(UpdateEdgeRequest.newBuilder()
                .setEdge(created.toBuilder().setAmountUsd(6e9))
                .build());
        assertThat(edge("2025-06-01", null).getAmountUsd())
                .as("a correction rewrites the whole version")
                .isEqualTo(6e9);
        assertThat(edge("2025-06-01", created.getRecordedAt()).getAmountUsd()).isEqualTo(5e9);

        Entity stored = client().getEntity(
                        GetEntityRequest.newBuilder().setEntityId("hist-a").build())
                .getEntity();
        client().updateEntity(UpdateEntityRequest.newBuilder()
                .setEntity(stored.toBuilder().clearValue().setValuationUsd(3e9).setValidFrom("2025-06-01"))
                .build());
        assertThat(client().getEntity(GetEntityRequest.newBuilder()
                                .setEntityId("hist-a")
                                .setAsOf("2025-05-31")
                                .build())
                        .getEntity()
                        .getValuationUsd())
                .isEqualTo(1e9);
        assertThat(client().getEntity(GetEntityRequest.newBuilder()
                                .setEntityId("hist-a")
                                .build())
                        .getEntity()
                        .getValue()
                        .getValueUsd())
                .isEqualTo(3e9);
        assertThat(client().listEntityHistory(ListEntityHistoryRequest.newBuilder()
                                .setEntityId("hist-a")
                                .build())
                        .getVersionsList())
                .extracting(Entity::getValuationUsd, Entity::getValidFrom, Entity::getValidTo)
                .containsSubsequence(
                        org.assertj.core.groups.Tuple.tuple(1e9, "", "2025-06-01"),
                        org.assertj.core.groups.Tuple.tuple(3e9, "2025-06-01", ""));
        assertThat(violatedFields(failure(
                        Status.Code.INVALID_ARGUMENT,
                        () -> client().getEntity(GetEntityRequest.newBuilder()
                                .setEntityId("hist-a")
                                .setAsOf("yesterday")
                                .build()))))
                .containsExactly("as_of");
    }

    private Edge edge(String asOf, Timestamp knownAt) {
        return edge("ab", asOf, knownAt);
    }

    private Edge amended(String asOf, Timestamp knownAt) {
        return edge("amended", asOf, knownAt);
    }

    private Edge edge(String id, String asOf, Timestamp knownAt) {
        GetEdgeRequest.Builder request =
                GetEdgeRequest.newBuilder().setEdgeId(id).setAsOf(asOf);
        if (knownAt != null) {
            request.setKnownAt(knownAt);
        }
        return client().getEdge(request.build()).getEdge();
    }

    private long loopCount(String asOf, Timestamp knownAt) {
        ListLoopsRequest.Builder request = ListLoopsRequest.newBuilder().setAsOf(asOf);
        if (knownAt != null) {
            request.setKnownAt(knownAt);
        }
        return client().listLoops(request.build()).getLoopsList().stream()
                .filter(loop -> loop.getEntitiesList().equals(List.of("hist-a", "hist-b")))
                .count();
    }
}
