package dev.capflow.ingest.repository;

import dev.capflow.testsupport.Datastores;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.flywaydb.core.Flyway;

/**
 * A second database with the ingest schema standing in for a read replica (its content differs from the primary's on
 * purpose), named by capflow.ingest.read-replica.url; its fresh window is 0 so that routing is decided by the data.
 */
public class ReplicaDatabaseResource implements QuarkusTestResourceLifecycleManager {

    private static volatile Datastores replica;

    @Override
    public Map<String, String> start() {
        replica = Datastores.start(15);
        Flyway.configure()
                .dataSource(replica.jdbcUrl(), replica.user(), replica.password())
                .schemas("ingest")
                .locations("classpath:db/migration")
                .load()
                .migrate();
        return Map.of(
                "capflow.ingest.read-replica.url",
                replica.reactiveUrl(),
                "capflow.ingest.read-replica.fresh-window",
                "0s");
    }

    /** The stand-in replica, for writing its content and checking that no write reached it. */
    public static Datastores replica() {
        return replica;
    }

    @Override
    public void stop() {
        try {
            replica.close();
        } catch (Exception e) {
            throw new IllegalStateException("cannot drop the replica database", e);
        } finally {
            replica = null;
        }
    }
}
