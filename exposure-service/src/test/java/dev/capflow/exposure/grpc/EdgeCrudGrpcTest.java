package dev.capflow.exposure.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capflow.exposure.fake.FakeDownstreams;
import dev.capflow.proto.exposure.v1.Confidence;
import dev.capflow.proto.exposure.v1.CreateEdgeRequest;
import dev.capflow.proto.exposure.v1.CreateEntityRequest;
import dev.capflow.proto.exposure.v1.DeleteEdgeRequest;
import dev.capflow.proto.exposure.v1.DeleteEntityRequest;
import dev.capflow.proto.exposure.v1.Edge;
import dev.capflow.proto.exposure.v1.EdgeKind;
import dev.capflow.proto.exposure.v1.GetEdgeRequest;
import dev.capflow.proto.exposure.v1.ListEdgesRequest;
import dev.capflow.proto.exposure.v1.ListEdgesResponse;
import dev.capflow.proto.exposure.v1.UpdateEdgeRequest;
import dev.capflow.testsupport.PostgresRedisResource;
import io.grpc.Status;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Edges between three private test entities of their own, retracted again after each test. */
@QuarkusTest
@QuarkusTestResource(PostgresRedisResource.class)
@QuarkusTestResource(FakeDownstreams.class)
class EdgeCrudGrpcTest extends GrpcTestBase {

    private static final List<String> LABS = List.of("lab-a", "lab-b", "lab-c");
    /** A validity end before every test edge begins: the delete retracts the edges, so no test sees another's past. */
    private static final String RETRACTED = "2000-01-01";

    @BeforeEach
    void createLabs() {
        LABS.forEach(id -> client().createEntity(CreateEntityRequest.newBuilder()
                .setEntity(privateEntity(id, 1e9))
                .build()));
    }

    @AfterEach
    void removeLabs() {
        // the tests' edges hold in 2025 (deleted ones until their deletion day)
        ListEdgesResponse left = client().listEdges(
                        ListEdgesRequest.newBuilder().setAsOf("2025-12-31").build());
        left.getEdgesList().stream()
                .filter(e -> LABS.contains(e.getFrom()) || LABS.contains(e.getTo()))
                .forEach(e -> client().deleteEdge(DeleteEdgeRequest.newBuilder()
                        .setEdgeId(e.getId())
                        .setValidTo(RETRACTED)
                        .build()));
        LABS.forEach(id -> client().deleteEntity(DeleteEntityRequest.newBuilder()
                .setEntityId(id)
                .setValidTo(RETRACTED)
                .build()));
    }

    @Test
    void createReadUpdateDelete() {
        Edge created = client().createEdge(CreateEdgeRequest.newBuilder()
                        .setEdge(cash("ab-deal", "lab-a", "lab-b", EdgeKind.EDGE_KIND_PURCHASE, 5e9, "2025-10-01")
                                .setConfidence(Confidence.CONFIDENCE_MEDIUM)
                                .setEstimated(true)
                                .setNote("compute")
                                .setSourceRow("E99"))
                        .build())
                .getEdge();
        assertThat(created.getVersion()).isZero();
        assertThat(created.getAmountUsd()).isEqualTo(5e9);
        assertThat(created.hasShare()).isFalse();
        assertThat(created.getConfidence()).isEqualTo(Confidence.CONFIDENCE_MEDIUM);
        assertThat(created.getSourceRow()).isEqualTo("E99");
        assertThat(client().getEdge(
                                GetEdgeRequest.newBuilder().setEdgeId("ab-deal").build())
                        .getEdge())
                .isEqualTo(created);

        Edge updated = client().updateEdge(UpdateEdgeRequest.newBuilder()
                        .setEdge(created.toBuilder().clearAmountUsd().setKind(EdgeKind.EDGE_KIND_GUARANTEE))
                        .build())
                .getEdge();
        assertThat(updated.getVersion()).isEqualTo(1);
        assertThat(updated.hasAmountUsd()).isFalse();
        assertThat(updated.getKind()).isEqualTo(EdgeKind.EDGE_KIND_GUARANTEE);

        failure(
                Status.Code.ABORTED,
                () -> client().updateEdge(
                                UpdateEdgeRequest.newBuilder().setEdge(created).build()));
        failure(
                Status.Code.ABORTED,
                () -> client().deleteEdge(DeleteEdgeRequest.newBuilder()
                        .setEdgeId("ab-deal")
                        .setVersion(5)
                        .build()));
        client().deleteEdge(DeleteEdgeRequest.newBuilder()
                .setEdgeId("ab-deal")
                .setVersion(1)
                .build());
        failure(
                Status.Code.NOT_FOUND,
                () -> client().getEdge(
                                GetEdgeRequest.newBuilder().setEdgeId("ab-deal").build()));
    }

    @Test
    void twoWritersOfVersionOneCannotBothReplaceOrDeleteTheEdge() {
        Edge created = client().createEdge(CreateEdgeRequest.newBuilder()
                        .setEdge(cash("two-writers", "lab-a", "lab-b", EdgeKind.EDGE_KIND_PURCHASE, 5e9, "2025-10-01"))
                        .build())
                .getEdge();
        Edge v1 = client().updateEdge(UpdateEdgeRequest.newBuilder()
                        .setEdge(created.toBuilder().setAmountUsd(6e9))
                        .setExpectedVersion(0)
                        .build())
                .getEdge();
        assertThat(v1.getVersion()).isEqualTo(1);

        Edge first = client().updateEdge(UpdateEdgeRequest.newBuilder()
                        .setEdge(v1.toBuilder().setAmountUsd(7e9))
                        .setExpectedVersion(1)
                        .build())
                .getEdge();
        var second = failure(
                Status.Code.ABORTED,
                () -> client().updateEdge(UpdateEdgeRequest.newBuilder()
                        .setEdge(v1.toBuilder().setAmountUsd(8e9))
                        .setExpectedVersion(1)
                        .build()));
        assertThat(first.getVersion()).isEqualTo(2);
        assertThat(second.getStatus().getDescription()).contains("two-writers").contains("version 2, not 1");
        failure(
                Status.Code.ABORTED,
                () -> client().deleteEdge(DeleteEdgeRequest.newBuilder()
                        .setEdgeId("two-writers")
                        .setExpectedVersion(1)
                        .build()));
        failure(
                Status.Code.ABORTED,
                () -> client().deleteEdge(DeleteEdgeRequest.newBuilder()
                        .setEdgeId("two-writers")
                        .setExpectedVersion(0)
                        .build()));
        assertThat(client().getEdge(GetEdgeRequest.newBuilder()
                                .setEdgeId("two-writers")
                                .build())
                        .getEdge()
                        .getAmountUsd())
                .isEqualTo(7e9);

        // without expected_version an update still checks edge.version, a delete with version 0 does not check
        failure(
                Status.Code.ABORTED,
                () -> client().updateEdge(UpdateEdgeRequest.newBuilder()
                        .setEdge(v1.toBuilder().setAmountUsd(9e9))
                        .build()));
        client().deleteEdge(
                        DeleteEdgeRequest.newBuilder().setEdgeId("two-writers").build());
        failure(
                Status.Code.NOT_FOUND,
                () -> client().getEdge(GetEdgeRequest.newBuilder()
                        .setEdgeId("two-writers")
                        .build()));
    }

    @Test
    void aRandomIdIsAssignedAndATakenOneIsAlreadyExists() {
        Edge created = client().createEdge(CreateEdgeRequest.newBuilder()
                        .setEdge(equity("", "lab-a", "lab-b", 0.1, "2025-10-01"))
                        .build())
                .getEdge();
        assertThat(created.getId()).matches("[0-9a-f-]{36}");
        failure(
                Status.Code.ALREADY_EXISTS,
                () -> client().createEdge(CreateEdgeRequest.newBuilder()
                        .setEdge(equity(created.getId(), "lab-b", "lab-c", 0.1, "2025-10-01"))
                        .build()));
    }

    @Test
    void aQueryAtADateSeesOnlyTheEdgesAnnouncedByThen() {
        client().createEdge(CreateEdgeRequest.newBuilder()
                .setEdge(equity("early", "lab-a", "lab-b", 0.1, "2025-03-01"))
                .build());
        client().createEdge(CreateEdgeRequest.newBuilder()
                .setEdge(equity("late", "lab-b", "lab-c", 0.1, "2025-11-01"))
                .build());

        assertThat(edgeIds("2025-02-28", "lab-b")).isEmpty();
        assertThat(edgeIds("2025-03-01", "lab-b")).containsExactly("early");
        assertThat(edgeIds("2025-10-31", "lab-b")).containsExactly("early");
        assertThat(edgeIds("2025-11-01", "lab-b")).containsExactly("early", "late");
        assertThat(edgeIds("", "lab-b")).containsExactly("early", "late");
        assertThat(edgeIds("", "lab-c")).containsExactly("late");
        var badDate = failure(Status.Code.INVALID_ARGUMENT, () -> edgeIds("31/12/2025", ""));
        assertThat(badDate.getStatus().getDescription()).contains("as_of");
    }

    @Test
    void everyBadEdgeNamesItsFieldAndStoresNothing() throws Exception {
        client().createEdge(CreateEdgeRequest.newBuilder()
                .setEdge(equity("a-holds-c", "lab-a", "lab-c", 0.6, "2025-10-01"))
                .build());
        List<Long> before = graphRows();

        assertRejected(equity("x1", "lab-a", "nobody", 0.1, "2025-10-01"), "edge.to", "unknown entity nobody");
        assertRejected(equity("x2", "ghost", "lab-b", 0.1, "2025-10-01"), "edge.from", "unknown entity ghost");
        assertRejected(equity("x3", "lab-a", "lab-b", 1.5, "2025-10-01"), "edge.share", "[0, 1]");
        assertRejected(equity("x4", "lab-a", "lab-b", -0.1, "2025-10-01"), "edge.share", "[0, 1]");
        // with the stored 60%, another 40% of lab-c leaves it no outside owner
        assertRejected(
                equity("x5", "lab-b", "lab-c", 0.4, "2025-10-01"),
                "edge.share",
                "the shares held in lab-c sum to 1 >= 1");
        assertRejected(
                cash("x6", "lab-a", "lab-b", EdgeKind.EDGE_KIND_INVESTMENT, -5, "2025-10-01"),
                "edge.amount_usd",
                "in [0, ");
        assertRejected(
                cash("x7", "lab-a", "lab-a", EdgeKind.EDGE_KIND_PURCHASE, 5, "2025-10-01"), "edge.to", "self-loop");
        assertRejected(equity("x8", "lab-a", "lab-b", 0.1, "").clearAsOf(), "edge.as_of", "required");
        assertRejected(
                Edge.newBuilder().setId("x9").setFrom("lab-a").setTo("lab-b").setAsOf("2025-10-01"),
                "edge.kind",
                "required");
        assertRejected(
                cash("x10", "lab-a", "lab-b", EdgeKind.EDGE_KIND_PURCHASE, 5, "2025-10-01")
                        .setShare(0.1),
                "edge.share",
                "only an EQUITY edge");
        assertRejected(
                Edge.newBuilder()
                        .setId("x11")
                        .setFrom("lab-a")
                        .setTo("lab-b")
                        .setKind(EdgeKind.EDGE_KIND_EQUITY)
                        .setAsOf("2025-10-01"),
                "edge.share",
                "needs the share");
        // an update is checked against the graph as it would be after it, too
        Edge stake = client().getEdge(
                        GetEdgeRequest.newBuilder().setEdgeId("a-holds-c").build())
                .getEdge();
        client().createEdge(CreateEdgeRequest.newBuilder()
                .setEdge(equity("b-holds-c", "lab-b", "lab-c", 0.3, "2025-10-01"))
                .build());
        List<Long> withTwoStakes = graphRows();
        var tooMuch = failure(
                Status.Code.INVALID_ARGUMENT,
                () -> client().updateEdge(UpdateEdgeRequest.newBuilder()
                        .setEdge(stake.toBuilder().setShare(0.7))
                        .build()));
        assertThat(violatedFields(tooMuch)).containsExactly("edge.share");
        assertThat(client().getEdge(GetEdgeRequest.newBuilder()
                                .setEdgeId("a-holds-c")
                                .build())
                        .getEdge())
                .isEqualTo(stake);
        assertThat(graphRows()).isEqualTo(withTwoStakes);
        assertThat(withTwoStakes.get(2)).isEqualTo(before.get(2) + 1);
    }

    @Test
    void aBrokenEnumValueIsRejected() throws Exception {
        List<Long> before = graphRows();
        var unknownKind = failure(
                Status.Code.INVALID_ARGUMENT,
                () -> client().createEdge(CreateEdgeRequest.newBuilder()
                        .setEdge(cash("broken", "lab-a", "lab-b", EdgeKind.EDGE_KIND_PURCHASE, 1, "2025-10-01")
                                .setKindValue(42))
                        .build()));
        assertThat(violatedFields(unknownKind)).containsExactly("edge.kind");
        var unknownConfidence = failure(
                Status.Code.INVALID_ARGUMENT,
                () -> client().createEdge(CreateEdgeRequest.newBuilder()
                        .setEdge(cash("broken", "lab-a", "lab-b", EdgeKind.EDGE_KIND_PURCHASE, 1, "2025-10-01")
                                .setConfidenceValue(9))
                        .build()));
        assertThat(violatedFields(unknownConfidence)).containsExactly("edge.confidence");
        assertThat(graphRows()).isEqualTo(before);
    }

    private List<String> edgeIds(String asOf, String entity) {
        return client()
                .listEdges(ListEdgesRequest.newBuilder()
                        .setAsOf(asOf)
                        .setEntityId(entity)
                        .build())
                .getEdgesList()
                .stream()
                .map(Edge::getId)
                .toList();
    }

    private void assertRejected(Edge.Builder edge, String field, String reason) throws Exception {
        List<Long> before = graphRows();
        var error = failure(
                Status.Code.INVALID_ARGUMENT,
                () -> client().createEdge(
                                CreateEdgeRequest.newBuilder().setEdge(edge).build()));
        assertThat(violations(error)).as(error.getStatus().toString()).anySatisfy(v -> {
            assertThat(v.getField()).isEqualTo(field);
            assertThat(v.getDescription()).contains(reason);
        });
        assertThat(graphRows())
                .as("nothing stored after rejecting " + edge.getId())
                .isEqualTo(before);
    }
}
