package dev.capflow.ingest.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capflow.proto.ingest.v1.GetBarsRequest;
import dev.capflow.proto.ingest.v1.ListInstrumentsRequest;
import dev.capflow.testsupport.PostgresRedisResource;
import dev.capflow.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * A client nobody here wrote: Debian's Python grpcio ({@code python3-grpcio}, installed by .ci/run) runs
 * src/test/python/grpcio_deadline_check.py against this service's gRPC port. 100 rounds of a health check, a GetBars
 * call with a 3 ms deadline and a normal ListInstruments call on one channel: every normal call and health check
 * must succeed (the unified Vert.x server answered some of them UNAVAILABLE, quarkusio/quarkus#56268).
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresRedisResource.class, initArgs = @ResourceArg(name = "redis-db", value = "1"))
class GrpcioInteropTest extends GrpcTestBase {

    private static final int ROUNDS = 100;
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Path SCRIPT = Path.of("src", "test", "python", "grpcio_deadline_check.py");

    @Test
    void pythonGrpcioSeesNoFailedNormalCallBetweenThreeMillisecondDeadlines() throws Exception {
        storeHistory("PYG", 300);
        int port = ConfigProvider.getConfig().getValue("quarkus.grpc.server.test-port", Integer.class);
        assertThat(PYTHON)
                .as("Debian's python3 (apt-get install python3-grpcio, as .ci/run does)")
                .isExecutable();

        ProcessBuilder command = new ProcessBuilder(
                        PYTHON.toString(),
                        SCRIPT.toString(),
                        "127.0.0.1:" + port,
                        Integer.toString(ROUNDS),
                        "/capflow.ingest.v1.IngestService/GetBars",
                        hex(GetBarsRequest.newBuilder().setSymbol("PYG").build().toByteArray()),
                        "/capflow.ingest.v1.IngestService/ListInstruments",
                        hex(ListInstrumentsRequest.getDefaultInstance().toByteArray()))
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        command.environment().put("CAPFLOW_TOKEN", TestTokens.shared().token("viewer"));
        Process python = command.start();
        String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(python.waitFor(120, TimeUnit.SECONDS))
                .as("the Python client finished")
                .isTrue();

        assertThat(output)
                .as("the script's report (is python3-grpcio installed?)")
                .startsWith("{");
        JsonObject outcome = new JsonObject(output);
        // grpcio 1.51 now and then resets a stream whose HEADERS it never sent; grpc-support's IdleStreamResetFilter
        // drops that frame, which would otherwise close the connection (docs/decisions.md)
        assertThat(outcome.getJsonArray("failures").getList())
                .as("failed normal calls and health checks")
                .isEmpty();
        assertThat(outcome.getInteger("normal_ok")).isEqualTo(ROUNDS);
        assertThat(outcome.getInteger("health_serving"))
                .as("health checks answered SERVING")
                .isEqualTo(ROUNDS);
        assertThat(outcome.getInteger("normal_answer_bytes"))
                .as("ListInstruments answered the registered instrument")
                .isGreaterThan("PYG".length());
        assertThat(outcome.getJsonObject("doomed").getInteger("DEADLINE_EXCEEDED", 0))
                .as("3 ms-deadline calls that hit their deadline: " + outcome.getJsonObject("doomed"))
                .isPositive();
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
