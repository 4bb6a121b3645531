package dev.capflow.gateway.client;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import dev.capflow.gateway.config.BasketClientConfig;
import dev.capflow.proto.basket.v1.BasketServiceGrpc;
import dev.capflow.proto.basket.v1.CompareRequest;
import dev.capflow.proto.basket.v1.CompareResponse;
import dev.capflow.proto.basket.v1.CreateBasketRequest;
import dev.capflow.proto.basket.v1.CreateBasketResponse;
import dev.capflow.proto.basket.v1.DeleteBasketRequest;
import dev.capflow.proto.basket.v1.DeleteBasketResponse;
import dev.capflow.proto.basket.v1.GetBasketRequest;
import dev.capflow.proto.basket.v1.GetBasketResponse;
import dev.capflow.proto.basket.v1.GetPerformanceRequest;
import dev.capflow.proto.basket.v1.GetPerformanceResponse;
import dev.capflow.proto.basket.v1.ListBasketsRequest;
import dev.capflow.proto.basket.v1.ListBasketsResponse;
import dev.capflow.proto.basket.v1.MutinyBasketServiceGrpc.MutinyBasketServiceStub;
import dev.capflow.proto.basket.v1.UpdateBasketRequest;
import dev.capflow.proto.basket.v1.UpdateBasketResponse;
import dev.capflow.proto.basket.v1.WatchBasketRequest;
import dev.capflow.proto.basket.v1.WatchBasketResponse;
import dev.capflow.grpc.DownstreamGuard;
import dev.capflow.grpc.auth.TokenRelay;
import io.grpc.Channel;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The gateway's only door to basket-service: a deadline on every call, reads retried on UNAVAILABLE,
 * writes never, and one circuit breaker of its own.
 */
@ApplicationScoped
public class BasketClient {

    /** Name of the circuit breaker, for maintenance and metrics. */
    public static final String BREAKER = "basket";

    private final MutinyBasketServiceStub stub;
    private final BasketServiceGrpc.BasketServiceStub streams;
    private final BasketClientConfig config;
    private final DownstreamGuard guard;

    public BasketClient(@GrpcClient("basket") MutinyBasketServiceStub stub,
            @GrpcClient("basket") Channel channel, BasketClientConfig config) {
        this.stub = stub;
        // one shared upstream stream serves every client of a live topic: it carries the gateway's own identity
        this.streams = BasketServiceGrpc.newStub(channel).withOption(TokenRelay.OWN_IDENTITY, true);
        this.config = config;
        this.guard = new DownstreamGuard(BREAKER, config);
    }

    public Uni<ListBasketsResponse> listBaskets(ListBasketsRequest request) {
        return guard.read(() -> reading().listBaskets(request));
    }

    public Uni<GetBasketResponse> getBasket(GetBasketRequest request) {
        return guard.read(() -> reading().getBasket(request));
    }

    public Uni<CreateBasketResponse> createBasket(CreateBasketRequest request) {
        return guard.write(() -> writing().createBasket(request));
    }

    public Uni<UpdateBasketResponse> updateBasket(UpdateBasketRequest request) {
        return guard.write(() -> writing().updateBasket(request));
    }

    public Uni<DeleteBasketResponse> deleteBasket(DeleteBasketRequest request) {
        return guard.write(() -> writing().deleteBasket(request));
    }

    public Uni<GetPerformanceResponse> getPerformance(GetPerformanceRequest request) {
        return guard.read(() -> reading().getPerformance(request));
    }

    public Uni<CompareResponse> compare(CompareRequest request) {
        return guard.read(() -> reading().compare(request));
    }

    /**
     * Live levels of one basket until cancelled (cancelling cancels the call). Open-ended, so it carries no deadline:
     * the gateway's live stream cancels it when its last client has left, and reopens it with backoff when it fails
     * (no breaker, no retry here).
     */
    public Multi<WatchBasketResponse> watchBasket(WatchBasketRequest request) {
        return ServerStreams.open(streams::watchBasket, request);
    }

    private MutinyBasketServiceStub reading() {
        return withDeadline(config.readDeadline());
    }

    private MutinyBasketServiceStub writing() {
        return withDeadline(config.writeDeadline());
    }

    private MutinyBasketServiceStub withDeadline(Duration deadline) {
        return stub.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
    }
}
