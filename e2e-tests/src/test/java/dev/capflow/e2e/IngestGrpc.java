package dev.capflow.e2e;

import dev.capflow.devstack.stack.ServiceProcess;
import dev.capflow.proto.ingest.v1.IngestServiceGrpc;
import dev.capflow.proto.ingest.v1.Instrument;
import dev.capflow.proto.ingest.v1.InstrumentKind;
import dev.capflow.proto.ingest.v1.UpsertInstrumentRequest;
import dev.capflow.testsupport.BearerChannels;
import io.grpc.Channel;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.util.concurrent.TimeUnit;

/** A plain grpc-java client of a running ingest-service, as another service would use it. */
final class IngestGrpc {

    private IngestGrpc() {}

    /** A plaintext channel to the service's gRPC port; the caller shuts it down. */
    static ManagedChannel channel(ServiceProcess ingest) {
        return ManagedChannelBuilder.forAddress("127.0.0.1", ingest.grpcPort())
                .usePlaintext()
                .build();
    }

    /** Registers {@code symbol} as a USD equity, so that its prices are accepted. */
    static void registerEquity(Channel channel, String symbol) {
        IngestServiceGrpc.newBlockingStub(BearerChannels.admin(channel))
                .withDeadlineAfter(10, TimeUnit.SECONDS)
                .upsertInstrument(UpsertInstrumentRequest.newBuilder()
                        .setInstrument(Instrument.newBuilder()
                                .setSymbol(symbol)
                                .setName(symbol + " test equity")
                                .setCurrency("USD")
                                .setExchange("TEST")
                                .setKind(InstrumentKind.INSTRUMENT_KIND_EQUITY))
                        .build());
    }
}
