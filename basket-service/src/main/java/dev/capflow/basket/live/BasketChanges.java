package dev.capflow.basket.live;

import dev.capflow.basket.config.BasketConfig;
import dev.capflow.redis.BasketChangesChannel;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.pubsub.ReactivePubSubCommands;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Edits and deletions of baskets, announced to every basket-service replica on the Redis channel
 * {@code {keyPrefix}changes} (the message is the basket id), so that live watchers follow them at once whichever
 * replica serves them. Pub/sub keeps nothing: an announcement made while this process is not subscribed (Redis away)
 * is lost, and its watchers keep the old definition until the next edit.
 */
@ApplicationScoped
public class BasketChanges {

    private static final Logger LOG = Logger.getLogger(BasketChanges.class);

    private final ReactivePubSubCommands<String> pubsub;
    private final BasketConfig.Redis config;
    private final BroadcastProcessor<String> broadcast = BroadcastProcessor.create();
    private Cancellable subscription;

    public BasketChanges(ReactiveRedisDataSource redis, BasketConfig config) {
        this.pubsub = redis.pubsub(String.class);
        this.config = config.redis();
    }

    /** The ids of the baskets edited or deleted from now on (hot: earlier changes are not replayed). */
    public Multi<String> changed() {
        return broadcast.onOverflow().bufferUnconditionally();
    }

    /** Tells every replica's watchers that {@code basketId} changed; never fails (a lost announcement is logged). */
    public Uni<Void> announce(String basketId) {
        return pubsub.publish(channel(), basketId)
                .ifNoItem()
                .after(config.timeout())
                .fail()
                .onFailure()
                .recoverWithItem(failure -> {
                    LOG.warnf(
                            "cannot announce the change of basket %s to live watchers: %s",
                            basketId, failure.toString());
                    return null;
                });
    }

    void start(@Observes StartupEvent event) {
        subscription = pubsub.subscribe(channel())
                .onFailure()
                .invoke(failure ->
                        LOG.warnf("basket change announcements interrupted, resubscribing: %s", failure.toString()))
                .onFailure()
                .retry()
                .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5))
                .indefinitely()
                .subscribe()
                .with(broadcast::onNext, failure -> LOG.error("basket change listener stopped", failure));
    }

    void stop(@Observes ShutdownEvent event) {
        if (subscription != null) {
            subscription.cancel();
        }
        broadcast.onComplete();
    }

    private String channel() {
        return BasketChangesChannel.channel(config.keyPrefix());
    }
}
