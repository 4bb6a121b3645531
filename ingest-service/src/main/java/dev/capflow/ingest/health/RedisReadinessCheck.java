package dev.capflow.ingest.health;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports Redis without letting it make the service unready: Redis is only a cache and event bus,
 * so the check stays UP and says "degraded" in its data when Redis does not answer.
 */
@Readiness
@ApplicationScoped
public class RedisReadinessCheck implements AsyncHealthCheck {

    private static final Duration PING_TIMEOUT = Duration.ofSeconds(1);

    private final Redis redis;

    public RedisReadinessCheck(Redis redis) {
        this.redis = redis;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return redis.send(Request.cmd(Command.PING))
                .ifNoItem()
                .after(PING_TIMEOUT)
                .fail()
                .map(pong -> "up")
                .onFailure()
                .recoverWithItem("degraded")
                .map(state -> HealthCheckResponse.named("redis")
                        .up()
                        .withData("redis", state)
                        .build());
    }
}
