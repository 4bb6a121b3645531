package dev.capflow.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capflow.testsupport.PostgresRedisResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The service's HTTP port (health, metrics) answers unknown paths with a problem, never an HTML page. */
@QuarkusTest
@QuarkusTestResource(value = PostgresRedisResource.class, initArgs = @ResourceArg(name = "redis-db", value = "1"))
class HttpProblemPagesTest {

    @TestHTTPResource("/")
    URI root;

    @Test
    void anUnknownPathIs404ProblemJson() throws IOException, InterruptedException {
        for (String path : new String[] {"no-such-page", "q/no-such-page"}) {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(root.resolve(path))
                                    .timeout(Duration.ofSeconds(30))
                                    .header("Accept", "text/html")
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).as(path).hasValue("application/problem+json");
            JsonObject problem = new JsonObject(response.body());
            assertThat(problem.getInteger("status")).isEqualTo(404);
            assertThat(problem.getString("instance")).isEqualTo("/" + path);
        }
    }
}
