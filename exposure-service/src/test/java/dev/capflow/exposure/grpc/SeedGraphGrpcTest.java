package dev.capflow.exposure.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.capflow.exposure.fake.FakeDownstreams;
import dev.capflow.exposure.seed.SeedGraph;
import dev.capflow.exposure.seed.SeedLoader;
import dev.capflow.proto.exposure.v1.DeleteEdgeRequest;
import dev.capflow.proto.exposure.v1.Edge;
import dev.capflow.proto.exposure.v1.Exposure;
import dev.capflow.proto.exposure.v1.GetEdgeRequest;
import dev.capflow.proto.exposure.v1.GetEntityRequest;
import dev.capflow.proto.exposure.v1.ListLoopsRequest;
import dev.capflow.proto.exposure.v1.ListLoopsResponse;
import dev.capflow.proto.exposure.v1.LookThroughRequest;
import dev.capflow.proto.exposure.v1.LookThroughResponse;
import dev.capflow.proto.exposure.v1.Loop;
import dev.capflow.testsupport.FiniteNumbers;
import dev.capflow.testsupport.PostgresRedisResource;
import io.grpc.Status;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** The seed graph of src/main/resources/seed: loaded once, and the loops and look-through it was curated for. */
@QuarkusTest
@QuarkusTestResource(PostgresRedisResource.class)
@QuarkusTestResource(FakeDownstreams.class)
class SeedGraphGrpcTest extends GrpcTestBase {

    @Inject
    SeedLoader loader;

    @Inject
    Flyway flyway;

    @Test
    void theSeedIsLoadedOnceWhateverRunsItAgain() throws Exception {
        List<Long> seeded = seedRows();
        assertThat(seeded.get(0)).as("seeded entities").isEqualTo(csvRows("entities.csv"));
        assertThat(seeded.get(1)).as("SoftBank's SFTBY").isEqualTo(1);
        assertThat(seeded.get(2)).as("seeded edges").isEqualTo(csvRows("edges.csv"));
        assertThat(sqlLong("select count(*) from exposure.seed_applied")).isEqualTo(1);

        // a restart migrates and loads again
        flyway.migrate();
        assertThat(load()).isFalse();
        assertThat(seedRows()).isEqualTo(seeded);
    }

    @Test
    void twoInstancesStartingOnAnEmptyDatabaseStoreTheSeedOnce() throws Exception {
        execute(
                "delete from exposure.edge_version",
                "delete from exposure.entity_listing",
                "delete from exposure.entity_version",
                "delete from exposure.seed_applied");
        assertThat(seedRows()).containsOnly(0L);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Boolean> instance = this::load;
            List<Boolean> stored = new ArrayList<>();
            for (Future<Boolean> started : pool.invokeAll(List.of(instance, instance))) {
                stored.add(started.get());
            }
            assertThat(stored).containsExactlyInAnyOrder(true, false);
        } finally {
            pool.shutdownNow();
        }
        assertThat(seedRows()).containsExactly(csvRows("entities.csv"), 1L, csvRows("edges.csv"));
        assertThat(sqlLong("select count(*) from exposure.seed_applied")).isEqualTo(1);
    }

    @Test
    void aSeededEdgeAUserDeletedStaysDeletedAndItsPastIsKept() throws Exception {
        Edge seeded = client().getEdge(GetEdgeRequest.newBuilder()
                        .setEdgeId("e31-nvidia-coreweave-purchase")
                        .build())
                .getEdge();
        client().deleteEdge(
                        DeleteEdgeRequest.newBuilder().setEdgeId(seeded.getId()).build());
        assertThat(load()).isFalse();
        failure(
                Status.Code.NOT_FOUND,
                () -> client().getEdge(GetEdgeRequest.newBuilder()
                        .setEdgeId(seeded.getId())
                        .build()));
        Edge past = client().getEdge(GetEdgeRequest.newBuilder()
                        .setEdgeId(seeded.getId())
                        .setAsOf("2025-12-31")
                        .build())
                .getEdge();
        assertThat(past.getAmountUsd()).isEqualTo(1.3e9);
        assertThat(past.getValidTo()).isNotEmpty();
    }

    @Test
    void theNvidiaOpenAiOracleLoopIsFoundWithItsSources() {
        ListLoopsResponse loops = FiniteNumbers.assertFinite(client().listLoops(
                        ListLoopsRequest.newBuilder().setAsOf("2025-12-31").build()));
        Loop loop = loops.getLoopsList().stream()
                .filter(l -> l.getEntitiesList().equals(List.of("nvidia", "openai", "oracle")))
                .findFirst()
                .orElseThrow();
        assertThat(loop.getEdgesList())
                .extracting(Edge::getId)
                .containsExactly(
                        "e12-nvidia-openai-investment", "e14-openai-oracle-purchase", "e15-oracle-nvidia-purchase");
        assertThat(loop.getEdgesList())
                .allSatisfy(e -> assertThat(e.getSource()).startsWith("https://"));
        assertThat(loop.getBottleneckUsd()).isEqualTo(40e9);
        assertThat(loop.getTotalUsd()).isEqualTo(440e9);
        assertThat(loops.getTruncated()).isFalse();
        Map<String, Double> circular = loops.getCircularSharesList().stream()
                .collect(Collectors.toMap(c -> c.getEntity(), c -> c.getCircularShare()));
        assertThat(circular.get("oracle")).isEqualTo(1.0);

        // before Nvidia's letter of intent (2025-09-22) the loop did not exist
        assertThat(client().listLoops(ListLoopsRequest.newBuilder()
                                .setAsOf("2025-09-21")
                                .build())
                        .getLoopsList())
                .noneMatch(l -> l.getEntitiesList().equals(List.of("nvidia", "openai", "oracle")));
        // a bottleneck floor above $40B drops it
        assertThat(client().listLoops(
                                ListLoopsRequest.newBuilder().setMinUsd(40.5e9).build())
                        .getLoopsList())
                .noneMatch(l -> l.getEntitiesList().equals(List.of("nvidia", "openai", "oracle")));
    }

    @Test
    void loopSearchBoundsAreHonouredAndChecked() throws Exception {
        ListLoopsResponse all = client().listLoops(ListLoopsRequest.getDefaultInstance());
        assertThat(all.getLoopsCount()).isGreaterThan(1);
        ListLoopsResponse one =
                client().listLoops(ListLoopsRequest.newBuilder().setLimit(1).build());
        assertThat(one.getLoopsCount()).isEqualTo(1);
        assertThat(one.getTruncated()).isTrue();
        assertThat(client().listLoops(
                                ListLoopsRequest.newBuilder().setMaxLength(2).build())
                        .getLoopsList())
                .allSatisfy(l -> assertThat(l.getEntitiesCount()).isLessThanOrEqualTo(2));

        var bad = failure(
                Status.Code.INVALID_ARGUMENT,
                () -> client().listLoops(
                                ListLoopsRequest.newBuilder().setMaxLength(-1).build()));
        assertThat(violatedFields(bad)).containsExactly("max_length");
        assertThat(violatedFields(failure(
                        Status.Code.INVALID_ARGUMENT,
                        () -> client().listLoops(ListLoopsRequest.newBuilder()
                                .setMinUsd(Double.NaN)
                                .build()))))
                .containsExactly("min_usd");
        assertThat(violatedFields(failure(
                        Status.Code.INVALID_ARGUMENT,
                        () -> client().listLoops(ListLoopsRequest.newBuilder()
                                .setLimit(-5)
                                .build()))))
                .containsExactly("limit");
    }

    @Test
    void softBankAndMicrosoftLookThroughToOpenAi() throws Exception {
        LookThroughResponse openai = FiniteNumbers.assertFinite(client().lookThrough(LookThroughRequest.newBuilder()
                .setTarget("openai")
                .setAsOf("2025-12-31")
                .build()));
        assertThat(openai.getTarget()).isEqualTo("openai");
        assertThat(openai.getTargetValueUsd()).isEqualTo(500e9);

        Exposure microsoft = exposure(openai, "microsoft");
        assertThat(microsoft.getDirectShare()).isEqualTo(0.27);
        assertThat(microsoft.getTotalShare()).isCloseTo(0.27, within(1e-12));
        assertThat(microsoft.getValueAtStakeUsd()).isCloseTo(135e9, within(1.0));
        assertThat(microsoft.getFractionOfOwnValue()).isCloseTo(135e9 / valueOf("microsoft"), within(1e-12));
        // OpenAI's $250B Azure commitment against Microsoft's annual revenue
        assertThat(microsoft.getContractedInflowUsd()).isEqualTo(250e9);
        assertThat(microsoft.getInflowToRevenue()).isCloseTo(250e9 / 281_724_000_000.0, within(1e-12));

        Exposure softbank = exposure(openai, "softbank");
        assertThat(softbank.getDirectShare()).isEqualTo(0.11);
        assertThat(softbank.getValueAtStakeUsd()).isCloseTo(55e9, within(1.0));
        assertThat(softbank.getFractionOfOwnValue()).isCloseTo(55e9 / valueOf("softbank"), within(1e-12));
        assertThat(softbank.getValueUsd()).isEqualTo(valueOf("softbank"));
        assertThat(softbank.hasInflowToRevenue()).isFalse();
        // the largest stake comes first
        assertThat(openai.getExposures(0).getEntity()).isEqualTo("microsoft");

        // on 2025-10-27 Microsoft's stake (announced 2025-10-28) was not known, and SoftBank held its earlier ~4%
        LookThroughResponse october = client().lookThrough(LookThroughRequest.newBuilder()
                .setTarget("openai")
                .setAsOf("2025-10-27")
                .build());
        assertThat(exposure(october, "softbank").getDirectShare()).isEqualTo(0.04);
        assertThat(october.getExposuresList())
                .filteredOn(e -> !e.getEntity().equals("softbank"))
                .allSatisfy(e -> assertThat(e.getTotalShare()).isZero());

        assertThat(violatedFields(failure(
                        Status.Code.INVALID_ARGUMENT,
                        () -> client().lookThrough(LookThroughRequest.newBuilder()
                                .setTarget("nobody")
                                .build()))))
                .containsExactly("target");
    }

    private static Exposure exposure(LookThroughResponse answer, String entity) {
        return answer.getExposuresList().stream()
                .filter(e -> e.getEntity().equals(entity))
                .findFirst()
                .orElseThrow();
    }

    private double valueOf(String entity) {
        return client().getEntity(
                        GetEntityRequest.newBuilder().setEntityId(entity).build())
                .getEntity()
                .getValue()
                .getValueUsd();
    }

    /** Runs the loader as a starting instance does. */
    private boolean load() throws Exception {
        SeedGraph seed = loader.read();
        try {
            return VertxContextSupport.subscribeAndAwait(() -> loader.store(seed));
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stored entities, listings and edges that the seed files name. */
    private static List<Long> seedRows() throws Exception {
        String entities = quoted(csvColumn("entities.csv"));
        return List.of(
                sqlLong("select count(*) from exposure.entity_version where id in (" + entities + ")"),
                sqlLong("select count(*) from exposure.entity_listing where entity_row_id in "
                        + "(select row_id from exposure.entity_version where id in (" + entities + "))"),
                sqlLong("select count(*) from exposure.edge_version where superseded_at is null and id in ("
                        + quoted(csvColumn("edges.csv")) + ")"));
    }

    private static void execute(String... statements) throws Exception {
        try (Connection connection = PostgresRedisResource.datastores().connect();
                Statement sql = connection.createStatement()) {
            for (String statement : statements) {
                sql.execute(statement);
            }
        }
    }

    private static String quoted(List<String> ids) {
        return ids.stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));
    }

    private static long csvRows(String file) throws Exception {
        return csvColumn(file).size();
    }

    /** The first column of a seed file's data rows (ids never need quoting). */
    private static List<String> csvColumn(String file) throws Exception {
        List<String> lines = Files.readAllLines(Path.of("src/main/resources/seed", file));
        return lines.subList(1, lines.size()).stream()
                .filter(l -> !l.isBlank())
                .map(l -> l.substring(0, l.indexOf(',')))
                .toList();
    }
}
