package dev.capflow.gateway.client;

import dev.capflow.gateway.config.BasketClientConfig;
import dev.capflow.grpc.DownstreamCalls;
import dev.capflow.grpc.auth.TokenRelay;
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
import io.grpc.Channel;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The gateway's only door to basket-service: a deadline on every call, reads retried on UNAVAILABLE,
 * writes never, and one circuit breaker of its own.
 */
@Startup // re-resolves its channel from startup on, not from its first call
@ApplicationScoped
public class BasketClient {

    /** Name of the circuit breaker, for maintenance and metrics. */
    public static final String BREAKER = "basket";

    private final DownstreamCalls<MutinyBasketServiceStub> calls;
    private final BasketServiceGrpc.BasketServiceStub streams;

    public BasketClient(
            @GrpcClient("basket") MutinyBasketServiceStub stub,
            @GrpcClient("basket") Channel channel,
            BasketClientConfig config,
            Vertx vertx) {
        this.calls = new DownstreamCalls<>(BREAKER, stub, channel, config, vertx);
        // one shared upstream stream serves every client of a live topic: it carries the gateway's own identity
        this.streams = BasketServiceGrpc.newStub(channel).withOption(TokenRelay.OWN_IDENTITY, true);
    }

    public Uni<ListBasketsResponse> listBaskets(ListBasketsRequest request) {
        return calls.read(stub -> stub.listBaskets(request));
    }

    public Uni<GetBasketResponse> getBasket(GetBasketRequest request) {
        return calls.read(stub -> stub.getBasket(request));
    }

    public Uni<CreateBasketResponse> createBasket(CreateBasketRequest request) {
        return calls.write(stub -> stub.createBasket(request));
    }

    public Uni<UpdateBasketResponse> updateBasket(UpdateBasketRequest request) {
        return calls.write(stub -> stub.updateBasket(request));
    }

    public Uni<DeleteBasketResponse> deleteBasket(DeleteBasketRequest request) {
        return calls.write(stub -> stub.deleteBasket(request));
    }

    public Uni<GetPerformanceResponse> getPerformance(GetPerformanceRequest request) {
        return calls.read(stub -> stub.getPerformance(request));
    }

    public Uni<CompareResponse> compare(CompareRequest request) {
        return calls.read(stub -> stub.compare(request));
    }

    /**
     * Live levels of one basket until cancelled (cancelling cancels the call). Open-ended, so it carries no deadline:
     * the gateway's live stream cancels it when its last client has left, and reopens it with backoff when it fails
     * (no breaker, no retry here).
     */
    public Multi<WatchBasketResponse> watchBasket(WatchBasketRequest request) {
        return ServerStreams.open(streams::watchBasket, request);
    }

    @PreDestroy
    void close() {
        calls.close();
    }
}
