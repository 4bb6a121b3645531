package dev.capflow.ingest.service;

import dev.capflow.ingest.domain.IngestResult;
import dev.capflow.ingest.domain.PriceValidator;
import dev.capflow.ingest.domain.Symbols;
import dev.capflow.ingest.domain.Tick;
import dev.capflow.ingest.domain.TickInput;
import dev.capflow.ingest.domain.Validated;
import dev.capflow.ingest.metrics.IngestMetrics;
import dev.capflow.ingest.pricestream.PricePublisher;
import dev.capflow.ingest.repository.TickInsertQueue;
import dev.capflow.ingest.stream.PriceFanout;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Validates and stores one batch of ticks exactly once, then delivers and publishes the new ones. */
@ApplicationScoped
public class TickIngestService {

    private final InstrumentService instruments;
    private final TickInsertQueue ticks;
    private final PriceValidator validator;
    private final PricePublisher publisher;
    private final PriceFanout fanout;
    private final IngestMetrics metrics;

    public TickIngestService(
            InstrumentService instruments,
            TickInsertQueue ticks,
            PriceValidator validator,
            PricePublisher publisher,
            PriceFanout fanout,
            IngestMetrics metrics) {
        this.instruments = instruments;
        this.ticks = ticks;
        this.validator = validator;
        this.publisher = publisher;
        this.fanout = fanout;
        this.metrics = metrics;
    }

    /** Ingests one batch; the result is emitted only once the stored ticks are committed. */
    public Uni<IngestResult> ingest(List<TickInput> inputs) {
        return instruments
                .knownSymbols(Symbols.lookupable(
                        inputs.stream().map(TickInput::symbol).toList()))
                .chain(known -> {
                    Validated<Tick> validated = validator.validateTicks(inputs, known);
                    List<Tick> valid = validated.valid();
                    return ticks.insert(valid).map(stored -> {
                        IngestResult result =
                                new IngestResult(stored.size(), valid.size() - stored.size(), validated.rejected(), 0);
                        metrics.ticks(result);
                        fanout.publish(stored);
                        publisher.publishTicks(stored, valid);
                        return result;
                    });
                });
    }
}
