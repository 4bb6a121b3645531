package dev.capflow.ingest.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.SourceCodeInfo;
import dev.capflow.proto.ingest.v1.GetLatestPricesRequest;
import dev.capflow.proto.ingest.v1.IngestBarsRequest;
import dev.capflow.redis.PriceStreamEntries;
import dev.capflow.redis.PriceStreamShardCount;
import dev.capflow.testsupport.PostgresRedisResource;
import grpc.health.v1.HealthGrpc;
import grpc.health.v1.HealthOuterClass.HealthCheckRequest;
import grpc.health.v1.HealthOuterClass.HealthCheckResponse;
import io.grpc.Channel;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.reflection.v1.ServiceResponse;
import io.grpc.stub.StreamObserver;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The platform surface: gRPC health and reflection, readiness with Redis data, Prometheus counters. */
@QuarkusTest
@QuarkusTestResource(value = PostgresRedisResource.class, initArgs = @ResourceArg(name = "redis-db", value = "1"))
class PlatformTest extends GrpcTestBase {

    @GrpcClient("ingest")
    Channel channel;

    @TestHTTPResource("/q/health/ready")
    URI readiness;

    @TestHTTPResource("/q/metrics")
    URI metrics;

    @Inject
    MeterRegistry registry;

    static String get(URI uri) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(uri)
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(uri + " status").isEqualTo(200);
        return response.body();
    }

    /** The {@code data} of the "redis" readiness check. */
    static JsonObject redisReadiness(URI readiness) throws Exception {
        JsonObject health = new JsonObject(get(readiness));
        assertThat(health.getString("status")).isEqualTo("UP");
        return health.getJsonArray("checks").stream()
                .map(JsonObject.class::cast)
                .filter(check -> check.getString("name").equals("redis"))
                .findFirst()
                .orElseThrow()
                .getJsonObject("data");
    }

    @Test
    void recordsItsShardCountAndIsUnreadyWhileAnotherWriterRecordsAnother() throws Exception {
        String key = PriceStreamShardCount.key(PriceStreamEntries.DEFAULT_KEY);
        await().atMost(Duration.ofSeconds(DEADLINE_SECONDS))
                .until(() -> redis("GET", key).endsWith("$2\r\n16\r\n"));

        // the writer records its own count every 15 s, which can land between the SET and the probe: then set it again
        HttpResponse<String> unready = await().atMost(Duration.ofSeconds(DEADLINE_SECONDS))
                .until(
                        () -> {
                            redis("SET", key, "8");
                            return HttpClient.newHttpClient()
                                    .send(
                                            HttpRequest.newBuilder(readiness)
                                                    .timeout(Duration.ofSeconds(10))
                                                    .build(),
                                            HttpResponse.BodyHandlers.ofString());
                        },
                        response -> response.statusCode() == 503);
        JsonObject shards = new JsonObject(unready.body())
                .getJsonArray("checks").stream()
                        .map(JsonObject.class::cast)
                        .filter(check -> check.getString("name").equals("price-stream-shards"))
                        .findFirst()
                        .orElseThrow();
        assertThat(shards.getString("status")).isEqualTo("DOWN");
        assertThat(shards.getJsonObject("data").getString("shards"))
                .startsWith("this process uses 16 price stream shards, the price stream's writers (ingest-service) 8");

        // this writer records its own count again within 15 s
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> redis("GET", key).endsWith("$2\r\n16\r\n"));
        assertThat(new JsonObject(get(readiness)).getString("status")).isEqualTo("UP");
    }

    @Test
    void servesTheStandardGrpcHealthService() {
        HealthCheckResponse health = HealthGrpc.newBlockingStub(channel)
                .withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS)
                .check(HealthCheckRequest.newBuilder().build());
        assertThat(health.getStatus()).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
    }

    @Test
    void servesReflection() throws Exception {
        ServerReflectionResponse response =
                reflect(ServerReflectionRequest.newBuilder().setListServices("").build());
        assertThat(response.getListServicesResponse().getServiceList())
                .extracting(ServiceResponse::getName)
                .contains("capflow.ingest.v1.IngestService", "grpc.health.v1.Health");
    }

    @Test
    void reflectionCarriesTheProtoComments() throws Exception {
        ServerReflectionResponse response = reflect(ServerReflectionRequest.newBuilder()
                .setFileContainingSymbol("capflow.ingest.v1.IngestService")
                .build());
        List<FileDescriptorProto> files = new ArrayList<>();
        for (ByteString bytes : response.getFileDescriptorResponse().getFileDescriptorProtoList()) {
            files.add(FileDescriptorProto.parseFrom(bytes));
        }
        FileDescriptorProto ingest = files.stream()
                .filter(f -> f.getName().equals("capflow/ingest/v1/ingest.proto"))
                .findFirst()
                .orElseThrow();
        // path 6 (service) 0, 2 (method) 0: IngestService.UpsertInstrument
        assertThat(ingest.getSourceCodeInfo().getLocationList())
                .filteredOn(l -> l.getPathList().equals(List.of(6, 0, 2, 0)))
                .extracting(SourceCodeInfo.Location::getLeadingComments)
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .startsWith(" Creates or replaces one instrument of the registry.");
        assertThat(files)
                .extracting(FileDescriptorProto::getName)
                .contains("capflow/common/v1/report.proto", "google/protobuf/timestamp.proto");
    }

    private ServerReflectionResponse reflect(ServerReflectionRequest request) throws Exception {
        CompletableFuture<ServerReflectionResponse> answer = new CompletableFuture<>();
        StreamObserver<ServerReflectionRequest> requests = ServerReflectionGrpc.newStub(channel)
                .withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS)
                .serverReflectionInfo(new StreamObserver<>() {
                    @Override
                    public void onNext(ServerReflectionResponse response) {
                        answer.complete(response);
                    }

                    @Override
                    public void onError(Throwable failure) {
                        answer.completeExceptionally(failure);
                    }

                    @Override
                    public void onCompleted() {}
                });
        requests.onNext(request);
        requests.onCompleted();
        ServerReflectionResponse response = answer.get(DEADLINE_SECONDS, TimeUnit.SECONDS);
        assertThat(response.hasErrorResponse())
                .as("reflection error %s", response.getErrorResponse())
                .isFalse();
        return response;
    }

    @Test
    void readinessReportsRedisUp() throws Exception {
        assertThat(redisReadiness(readiness).getString("redis")).isEqualTo("up");
    }

    @Test
    void exportsIngestCounters() throws Exception {
        register("MET");
        client().ingestBars(IngestBarsRequest.newBuilder()
                .addBars(bar("MET", "2025-10-27", 10))
                .addBars(bar("MET", "bad", 10))
                .build());
        assertThat(get(metrics))
                .contains("capflow_ingest_bars_total{outcome=\"accepted\"}")
                .contains("capflow_ingest_bars_total{outcome=\"rejected\"}")
                .contains("capflow_ingest_ticks_total{outcome=\"duplicate\"}")
                .contains("capflow_ingest_redis_publish_failures_total");
    }

    @Test
    void countsLatestPriceCacheHitsAndMissesAndExportsStreamLagAndGrpcLatencyPerMethod() throws Exception {
        register("HIT");
        register("MISS");
        client().ingestBars(IngestBarsRequest.newBuilder()
                .addBars(bar("HIT", "2025-10-27", 10))
                .build());
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> assertThat(redis("HGET", "capflow:latest", "HIT")).contains("\"price\":10.0"));
        // the first request after start answers from PostgreSQL and resyncs the hash (PricePublisher#latestMayBeStale)
        client().getLatestPrices(
                        GetLatestPricesRequest.newBuilder().addSymbols("HIT").build());
        double hits = cacheLookups("hit");
        double misses = cacheLookups("miss");

        // HIT is in the hash; MISS has no price anywhere, so PostgreSQL is asked for it
        client().getLatestPrices(GetLatestPricesRequest.newBuilder()
                .addSymbols("HIT")
                .addSymbols("MISS")
                .build());

        assertThat(cacheLookups("hit") - hits).isEqualTo(1.0);
        assertThat(cacheLookups("miss") - misses).isEqualTo(1.0);
        assertThat(get(metrics))
                .contains("capflow_ingest_latest_cache_lookups_total{result=\"hit\"}")
                .contains("capflow_ingest_stream_lag_seconds ")
                .containsPattern("grpc_server_processing_duration_seconds_count\\{[^}]*method=\"GetLatestPrices\"");
    }

    private double cacheLookups(String result) {
        return registry.get("capflow.ingest.latest.cache.lookups")
                .tag("result", result)
                .counter()
                .count();
    }
}
