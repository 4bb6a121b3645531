package dev.capflow.exposure.seed;

import dev.capflow.exposure.config.ExposureConfig;
import dev.capflow.exposure.repository.EdgeRepository;
import dev.capflow.exposure.repository.EdgeRow;
import dev.capflow.exposure.repository.EntityRepository;
import dev.capflow.exposure.repository.EntityRow;
import dev.capflow.exposure.repository.GraphLock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jboss.logging.Logger;

/**
 * Loads the seed graph once per database: in one transaction, it records the seed in {@code seed_applied} (insert, on
 * conflict nothing) and stores the seed only when that row is new. A restart, or a second instance starting at the same
 * time (it waits on the graph lock, then finds the row), stores nothing twice; a seeded entity a user later deletes
 * stays deleted.
 */
@ApplicationScoped
public class SeedLoader {

    /** The name the seed is recorded under; a different seed would need a new name. */
    static final String SEED_NAME = "funding-graph";

    private static final Logger LOG = Logger.getLogger(SeedLoader.class);

    private final ExposureConfig.Seed config;
    private final EntityRepository entities;
    private final EdgeRepository edges;
    private final GraphLock lock;

    public SeedLoader(ExposureConfig config, EntityRepository entities, EdgeRepository edges, GraphLock lock) {
        this.config = config.seed();
        this.entities = entities;
        this.edges = edges;
        this.lock = lock;
    }

    /** Reads the seed on the starting thread, then stores it on a Vert.x context and waits (startup does not go on without it). */
    void onStart(@Observes StartupEvent event) throws Throwable {
        if (config.enabled()) {
            SeedGraph seed = read();
            VertxContextSupport.subscribeAndAwait(() -> store(seed));
        }
    }

    /** The configured seed, read and checked (blocking: classpath I/O). */
    public SeedGraph read() {
        return SeedGraph.read(config.location());
    }

    /** Stores {@code seed} unless this database has it already; true when it was stored now. */
    public Uni<Boolean> store(SeedGraph seed) {
        return Panache.withTransaction(() -> lock.acquire()
                .chain(() -> Panache.getSession())
                .chain(session -> session.createNativeQuery(
                                "insert into exposure.seed_applied (name, entities, edges) values (?1, ?2, ?3) "
                                        + "on conflict (name) do nothing")
                        .setParameter(1, SEED_NAME)
                        .setParameter(2, seed.entities().size())
                        .setParameter(3, seed.edges().size())
                        .executeUpdate())
                .chain(inserted -> {
                    if (inserted == 0) {
                        LOG.infof("seed %s is already applied to this database", SEED_NAME);
                        return Uni.createFrom().item(false);
                    }
                    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
                    return entities.persist(seed.entities().stream()
                                    .map(entity -> EntityRow.of(entity, now))
                                    .toList())
                            .call(entities::flush)
                            .chain(() -> edges.persist(seed.edges().stream()
                                    .map(edge -> EdgeRow.of(edge, now))
                                    .toList()))
                            .call(edges::flush)
                            .invoke(() -> LOG.infof(
                                    "seed %s applied: %d entities, %d edges",
                                    SEED_NAME,
                                    seed.entities().size(),
                                    seed.edges().size()))
                            .replaceWith(true);
                }));
    }
}
