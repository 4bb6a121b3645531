package dev.capflow.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits on the shape of a request body, checked before any of it is converted. */
@ConfigMapping(prefix = "capflow.gateway.limits")
public interface RequestLimitsConfig {

    /** Records (bars, ticks) one JSON array may hold. */
    @WithDefault("50000")
    int maxRecords();
}
