package dev.capflow.exposure.client;

import dev.capflow.exposure.config.ExposureConfig;
import dev.capflow.grpc.DownstreamCalls;
import dev.capflow.grpc.DownstreamException;
import dev.capflow.grpc.paging.PageRequest;
import dev.capflow.proto.basket.v1.Basket;
import dev.capflow.proto.basket.v1.GetPerformanceRequest;
import dev.capflow.proto.basket.v1.GetPerformanceResponse;
import dev.capflow.proto.basket.v1.ListBasketsRequest;
import dev.capflow.proto.basket.v1.MutinyBasketServiceGrpc.MutinyBasketServiceStub;
import io.grpc.Channel;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * exposure-service's door to basket-service: the baskets and their member weights. Every call is an idempotent read
 * with its own deadline, retried on UNAVAILABLE, behind one circuit breaker.
 */
@Startup // re-resolves its channel from startup on, not from its first call
@ApplicationScoped
public class BasketClient {

    /** Name of the circuit breaker, for maintenance and metrics. */
    public static final String BREAKER = "basket";

    private final DownstreamCalls<MutinyBasketServiceStub> calls;

    public BasketClient(
            @GrpcClient("basket") MutinyBasketServiceStub stub,
            @GrpcClient("basket") Channel channel,
            ExposureConfig config,
            Vertx vertx) {
        this.calls = new DownstreamCalls<>(BREAKER, stub, channel, config.basket(), vertx);
    }

    /** Every basket, ordered by id, read page by page. */
    public Uni<List<Basket>> baskets() {
        return basketsFrom("", List.of());
    }

    /** {@code before}, then the baskets from the page of {@code token} on. */
    private Uni<List<Basket>> basketsFrom(String token, List<Basket> before) {
        ListBasketsRequest request = ListBasketsRequest.newBuilder()
                .setPageSize(PageRequest.MAX_SIZE)
                .setPageToken(token)
                .build();
        return read(stub -> stub.listBaskets(request)).chain(response -> {
            List<Basket> all = new ArrayList<>(before);
            all.addAll(response.getBasketsList());
            return response.getNextPageToken().isEmpty()
                    ? Uni.createFrom().item(all)
                    : basketsFrom(response.getNextPageToken(), all);
        });
    }

    /** The basket's performance over its default window (base date to latest close), with member contributions. */
    public Uni<GetPerformanceResponse> performance(String basketId) {
        GetPerformanceRequest request =
                GetPerformanceRequest.newBuilder().setBasketId(basketId).build();
        return read(stub -> stub.getPerformance(request));
    }

    /** A guarded read; its failures become {@link DownstreamException}s naming the service. */
    private <T> Uni<T> read(Function<MutinyBasketServiceStub, Uni<T>> call) {
        return calls.read(call).onFailure().transform(failure -> new DownstreamException("basket-service", failure));
    }

    @PreDestroy
    void close() {
        calls.close();
    }
}
