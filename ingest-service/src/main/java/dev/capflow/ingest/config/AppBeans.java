package dev.capflow.ingest.config;

import dev.capflow.ingest.domain.PriceValidator;
import dev.capflow.ingest.stream.PriceFanout;
import io.quarkus.arc.DefaultBean;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Producers for the plain-Java parts that need configuration. */
@Singleton
public class AppBeans {

    /** The wall clock; a test may replace it with a fixed one. */
    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    PriceValidator priceValidator(Clock clock, IngestConfig config) {
        return new PriceValidator(clock, config.tickClockSkew());
    }

    @Produces
    @Singleton
    PriceFanout priceFanout(IngestConfig config) {
        return new PriceFanout(config.redis().subscriberBuffer());
    }

    /**
     * Ends live subscriptions and refuses new ones as shutdown begins (the pre-shutdown delay, while
     * readiness turns DOWN), so that subscribers move to another replica instead of holding the
     * graceful shutdown to its timeout.
     */
    void endSubscriptions(@Observes ShutdownDelayInitiatedEvent event, PriceFanout fanout) {
        fanout.close();
    }
}
