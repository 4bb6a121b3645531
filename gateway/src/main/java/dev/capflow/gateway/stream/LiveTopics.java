package dev.capflow.gateway.stream;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Multi;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** The live streams open in this gateway, one per distinct question (subscription key), shared by its clients. */
@ApplicationScoped
public class LiveTopics {

    private final Map<String, LiveTopic> topics = new ConcurrentHashMap<>();
    private final StreamConfig config;
    private final Vertx vertx;

    public LiveTopics(StreamConfig config, Vertx vertx) {
        this.config = config;
        this.vertx = vertx;
    }

    /** Whether a stream for {@code key} is open (its question was already checked). */
    public boolean isOpen(String key) {
        LiveTopic topic = topics.get(key);
        return topic != null && !topic.isClosed();
    }

    /** The number of clients of the stream for {@code key} (0 when none is open). */
    public int clientCount(String key) {
        LiveTopic topic = topics.get(key);
        return topic == null ? 0 : topic.clientCount();
    }

    /** The sequence of the newest event the stream for {@code key} received (0 when none is open). */
    public long lastSequence(String key) {
        LiveTopic topic = topics.get(key);
        return topic == null ? 0 : topic.lastSequence();
    }

    /** Adds {@code client} to the stream for {@code key}, opening it with {@code upstream} when none is open. */
    void join(
            String key,
            boolean latestOnJoin,
            Supplier<Multi<LiveEvent>> upstream,
            SseClient client,
            String lastEventId) {
        while (true) {
            LiveTopic topic = topics.computeIfAbsent(
                    key,
                    k -> new LiveTopic(
                            k, upstream, latestOnJoin, config, vertx, closed -> topics.remove(closed.key(), closed)));
            if (topic.join(client, lastEventId)) {
                client.onGone(() -> topic.leave(client));
                return;
            }
            topics.remove(key, topic);
        }
    }

    void closeAll(@Observes ShutdownEvent event) {
        List.copyOf(topics.values()).forEach(LiveTopic::close);
    }
}
