package dev.capflow.devstack.demo;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One instrument of the registry as the gateway's {@code PUT /api/v1/instruments/{symbol}} takes it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record DemoInstrument(
        String symbol, String name, String currency, String exchange, String kind, Long sharesOutstanding) {}
