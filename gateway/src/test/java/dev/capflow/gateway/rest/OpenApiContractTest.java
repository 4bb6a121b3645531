package dev.capflow.gateway.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capflow.gateway.fake.FakeIngestServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The served document is the contract clients generate from (contract/README.md): it must pass Redocly's recommended
 * rules with no error and no warning, openapi-typescript must generate types from it, and contract/client.ts and the
 * dashboard's api.js must type-check against them. The pinned tools are installed with npm ci from contract/.
 */
@QuarkusTest
@WithTestResource(FakeIngestServer.class)
class OpenApiContractTest extends GatewayTest {

    private static final Path CONTRACT = Path.of("..", "contract");

    @Test
    void theServedDocumentLintsCleanAndItsGeneratedTypesCheckTheClient() throws Exception {
        Assumptions.assumeTrue(onPath("npm"), "node/npm is not installed: the OpenAPI contract check is skipped");
        String document = servedOpenApi("json");
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "openapi-served.json"), document, StandardCharsets.UTF_8);

        if (!Files.isDirectory(CONTRACT.resolve("node_modules"))) {
            run("npm", "ci", "--no-audit", "--no-fund");
        }
        run("npm", "run", "--silent", "check");
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("contract-", ".log");
        Process process = new ProcessBuilder(command)
                .directory(CONTRACT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean finished = process.waitFor(10, TimeUnit.MINUTES);
        String output = Files.readString(log);
        Files.delete(log);
        if (!finished) {
            process.destroyForcibly();
        }
        assertThat(finished && process.exitValue() == 0)
                .as(String.join(" ", command) + " in contract/:\n" + output)
                .isTrue();
    }

    private static boolean onPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "");
        return List.of(path.split(java.io.File.pathSeparator)).stream()
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    }
}
