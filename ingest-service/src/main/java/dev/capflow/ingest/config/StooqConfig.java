package dev.capflow.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The scheduled Stooq daily-CSV source ({@code capflow.stooq.*}). */
@ConfigMapping(prefix = "capflow.stooq")
public interface StooqConfig {

    /** Whether the poller runs. */
    @WithDefault("false")
    boolean enabled();

    /** Where Stooq answers {@code /q/d/l/?s=<symbol>.us&i=d}. */
    @WithDefault("https://stooq.com")
    String baseUrl();

    /** Registered US symbols to poll (e.g. NVDA,MSFT). */
    Optional<List<String>> symbols();

    /** Time between two polls. */
    @WithDefault("1h")
    Duration interval();

    /** Connect and read timeout of one download. */
    @WithDefault("30s")
    Duration timeout();
}
