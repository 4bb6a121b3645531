package dev.capflow.ingest.config;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlConnectOptions;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Builds the primary's reactive pool as Quarkus would, with the wait queue and acquisition timeout of
 * {@code capflow.ingest.pool} (quarkus.datasource.reactive configures neither).
 */
@Singleton
public class PrimaryPoolCreator implements PgPoolCreator {

    private final IngestConfig config;

    PrimaryPoolCreator(IngestConfig config) {
        this.config = config;
    }

    @Override
    public Pool create(Input input) {
        List<SqlConnectOptions> databases = List.copyOf(input.pgConnectOptionsList());
        return PgBuilder.pool()
                .with(queued(input.poolOptions(), config.pool()))
                .connectingTo(databases)
                .using(input.vertx())
                .build();
    }

    /** {@code options} with the wait queue's limit and acquisition timeout of {@code queue}. */
    static PoolOptions queued(PoolOptions options, IngestConfig.PoolQueue queue) {
        return options.setMaxWaitQueueSize(queue.maxWaitQueue())
                .setConnectionTimeout((int) queue.acquireTimeout().toMillis())
                .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS);
    }
}
