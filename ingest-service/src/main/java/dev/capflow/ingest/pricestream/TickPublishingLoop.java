package dev.capflow.ingest.pricestream;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.EventExecutor;
import io.vertx.core.Context;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.impl.VertxInternal;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.function.Consumer;

/**
 * An event loop and a Redis client of their own for publishing ticks: encoding a batch's stream entries and writing
 * them then no longer shares the thread that decodes, checks and stores the next batches (a Vert.x Redis connection
 * does its encoding on the event loop it was opened on: that of the context that created its client). The client has the default client's options ({@link DefaultRedisOptions}).
 */
@Singleton
public class TickPublishingLoop {

    private final Vertx vertx;
    private final DefaultRedisOptions options;
    private Context context;
    /** Created on the loop: a client's connections are opened on the event loop that created the client. */
    private volatile Redis redis;

    public TickPublishingLoop(Vertx vertx, DefaultRedisOptions options) {
        this.vertx = vertx;
        this.options = options;
    }

    /** Runs {@code publish} on the loop, with the client that must only be used there; in the order called. */
    public void run(Consumer<Redis> publish) {
        started().runOnContext(ignored -> publish.accept(client()));
    }

    /** The loop's context, made at the first publish on a loop other than the caller's (round robin may pick it). */
    private synchronized Context started() {
        if (context == null) {
            VertxInternal internal = (VertxInternal) vertx.getDelegate();
            ContextInternal caller = ContextInternal.current();
            EventLoop callers = caller == null ? null : caller.nettyEventLoop();
            EventLoop loop = null;
            for (EventExecutor candidate : internal.getEventLoopGroup()) {
                if (candidate != callers && loop == null) {
                    loop = (EventLoop) candidate;
                }
            }
            context = loop == null
                    ? internal.createEventLoopContext()
                    : internal.createEventLoopContext(
                            loop,
                            internal.getWorkerPool(),
                            Thread.currentThread().getContextClassLoader());
        }
        return context;
    }

    /** Only on the loop. */
    private Redis client() {
        if (redis == null) {
            redis = Redis.createClient(vertx, options.copy());
        }
        return redis;
    }

    @PreDestroy
    synchronized void close() {
        if (redis != null) {
            redis.close();
        }
    }
}
