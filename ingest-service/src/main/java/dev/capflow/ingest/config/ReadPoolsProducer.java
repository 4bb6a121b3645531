package dev.capflow.ingest.config;

import dev.capflow.ingest.repository.ReadPools;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The read routing: the primary pool, plus a pool of the read replica when its URL is configured. */
@Singleton
public class ReadPoolsProducer {

    @Produces
    @Singleton
    ReadPools readPools(
            Pool primary,
            IngestConfig config,
            Clock clock,
            Vertx vertx,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        IngestConfig.ReadReplica settings = config.readReplica();
        Optional<Pool> replica = settings.url().map(url -> {
            PgConnectOptions connect = PgConnectOptions.fromUri(url);
            // the replica has the primary's roles: its credentials unless the URL names others
            if (connect.getUser().equals(new PgConnectOptions().getUser())) {
                user.ifPresent(connect::setUser);
                password.ifPresent(connect::setPassword);
            }
            return Pool.newInstance(PgBuilder.pool()
                    .connectingTo(connect)
                    .with(PrimaryPoolCreator.queued(new PoolOptions().setMaxSize(settings.maxSize()), config.pool()))
                    .using(vertx)
                    .build());
        });
        return new ReadPools(primary, replica, clock, settings.freshWindow());
    }

    void close(@Disposes ReadPools pools) {
        pools.close();
    }
}
