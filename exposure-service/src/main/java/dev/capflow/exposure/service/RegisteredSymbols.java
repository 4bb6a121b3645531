package dev.capflow.exposure.service;

import dev.capflow.exposure.client.IngestClient;
import dev.capflow.exposure.domain.GraphEntity;
import dev.capflow.grpc.TickerSymbols;
import dev.capflow.validation.FieldViolation;
import dev.capflow.validation.InvalidRequestException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * The rule of an entity write that only ingest-service can check: its ticker and every listing are instruments of the
 * registry, or the entity could never be valued (a LISTED entity is worth its ticker's price x shares) nor matched to a
 * basket member. Applied to API writes; the seed is loaded before any instrument is registered, so its symbols are
 * checked against {@code demo/} by a test instead.
 */
@ApplicationScoped
public class RegisteredSymbols {

    private final IngestClient ingest;

    public RegisteredSymbols(IngestClient ingest) {
        this.ingest = ingest;
    }

    /**
     * Fails with INVALID_ARGUMENT naming {@code prefix + "ticker"} or {@code prefix + "listings[i]"} for each symbol of
     * {@code entity} the registry does not know; ingest-service unreachable fails the write (UNAVAILABLE), since
     * nothing unchecked is stored. One ListInstruments call, none for an entity without symbols.
     */
    public Uni<Void> require(GraphEntity entity, String prefix) {
        if (entity.symbols().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return ingest.instruments(entity.symbols())
                .invoke(known -> {
                    List<FieldViolation> unknown = new ArrayList<>();
                    if (!entity.ticker().isEmpty() && !known.containsKey(entity.ticker())) {
                        unknown.add(unregistered(prefix + "ticker", entity, entity.ticker()));
                    }
                    for (int i = 0; i < entity.listings().size(); i++) {
                        if (!known.containsKey(entity.listings().get(i))) {
                            unknown.add(unregistered(
                                    prefix + "listings[" + i + "]",
                                    entity,
                                    entity.listings().get(i)));
                        }
                    }
                    if (!unknown.isEmpty()) {
                        throw new InvalidRequestException(unknown);
                    }
                })
                .replaceWithVoid();
    }

    private static FieldViolation unregistered(String field, GraphEntity entity, String symbol) {
        return new FieldViolation(
                field,
                "entity " + entity.id() + ": " + symbol + " is not a registered instrument ("
                        + TickerSymbols.registrationHint(symbol) + ")");
    }
}
