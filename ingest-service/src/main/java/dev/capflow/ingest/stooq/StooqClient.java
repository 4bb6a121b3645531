package dev.capflow.ingest.stooq;

import dev.capflow.ingest.config.StooqConfig;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import java.io.IOException;
import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.faulttolerance.Retry;

/** Downloads Stooq daily CSVs; a transport failure (not an HTTP error status) is retried twice. */
@ApplicationScoped
public class StooqClient {

    private final StooqApi api;

    public StooqClient(StooqConfig config) {
        this.api = QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(config.baseUrl()))
                .connectTimeout(config.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .build(StooqApi.class);
    }

    /** The daily CSV of a US-listed symbol ({@code NVDA} is asked for as {@code nvda.us}). */
    @Retry(
            maxRetries = 2,
            delay = 1,
            delayUnit = ChronoUnit.SECONDS,
            retryOn = {IOException.class, ProcessingException.class})
    public Uni<String> dailyCsv(String symbol) {
        return api.dailyCsv(symbol.toLowerCase(Locale.ROOT) + ".us", "d");
    }
}
