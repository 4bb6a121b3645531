package dev.capflow.ingest.cache;

import dev.capflow.ingest.config.IngestConfig;
import dev.capflow.ingest.domain.LatestPrice;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the latest-price hash; callers fall back to PostgreSQL for what it cannot answer. */
@ApplicationScoped
public class LatestPriceCache {

    private final Redis redis;
    private final IngestConfig.Redis config;

    public LatestPriceCache(Redis redis, IngestConfig config) {
        this.redis = redis;
        this.config = config.redis();
    }

    /** The cached prices of {@code symbols} (missing ones absent); fails after the read timeout. */
    public Uni<Map<String, LatestPrice>> read(List<String> symbols) {
        Request hmget = Request.cmd(Command.HMGET).arg(config.latestKey());
        symbols.forEach(hmget::arg);
        return redis.send(hmget).ifNoItem().after(config.readTimeout()).fail().map(response -> {
            Map<String, LatestPrice> found = new HashMap<>();
            for (int i = 0; i < symbols.size(); i++) {
                Response value = response.get(i);
                LatestPrice price = value == null ? null : PriceCodec.decodeLatest(symbols.get(i), value.toString());
                if (price != null) {
                    found.put(symbols.get(i), price);
                }
            }
            return found;
        });
    }
}
