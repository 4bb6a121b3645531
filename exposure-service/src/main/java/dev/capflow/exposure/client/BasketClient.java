package dev.capflow.exposure.client;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import dev.capflow.exposure.config.ExposureConfig;
import dev.capflow.grpc.DownstreamException;
import dev.capflow.grpc.DownstreamGuard;
import dev.capflow.grpc.paging.PageRequest;
import dev.capflow.proto.basket.v1.Basket;
import dev.capflow.proto.basket.v1.GetPerformanceRequest;
import dev.capflow.proto.basket.v1.GetPerformanceResponse;
import dev.capflow.proto.basket.v1.ListBasketsRequest;
import dev.capflow.proto.basket.v1.MutinyBasketServiceGrpc.MutinyBasketServiceStub;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;

/**
 * exposure-service's door to basket-service: the baskets and their member weights. Every call is an idempotent read
 * with its own deadline, retried on UNAVAILABLE, behind one circuit breaker.
 */
@ApplicationScoped
public class BasketClient {

    /** Name of the circuit breaker, for maintenance and metrics. */
    public static final String BREAKER = "basket";

    private final MutinyBasketServiceStub stub;
    private final ExposureConfig.Basket config;
    private final DownstreamGuard guard;

    public BasketClient(@GrpcClient("basket") MutinyBasketServiceStub stub, ExposureConfig config) {
        this.stub = stub;
        this.config = config.basket();
        this.guard = new DownstreamGuard(BREAKER, this.config);
    }

    /** Every basket, ordered by id, read page by page. */
    public Uni<List<Basket>> baskets() {
        return basketsFrom("", List.of());
    }

    /** {@code before}, then the baskets from the page of {@code token} on. */
    private Uni<List<Basket>> basketsFrom(String token, List<Basket> before) {
        ListBasketsRequest request = ListBasketsRequest.newBuilder().setPageSize(PageRequest.MAX_SIZE).setPageToken(token)
                .build();
        return read(() -> stub().listBaskets(request)).chain(response -> {
            List<Basket> all = new ArrayList<>(before);
            all.addAll(response.getBasketsList());
            return response.getNextPageToken().isEmpty() ? Uni.createFrom().item(all)
                    : basketsFrom(response.getNextPageToken(), all);
        });
    }

    /** The basket's performance over its default window (base date to latest close), with member contributions. */
    public Uni<GetPerformanceResponse> performance(String basketId) {
        GetPerformanceRequest request = GetPerformanceRequest.newBuilder().setBasketId(basketId).build();
        return read(() -> stub().getPerformance(request));
    }

    /** A guarded read; its failures become {@link DownstreamException}s naming the service. */
    private <T> Uni<T> read(Supplier<Uni<T>> call) {
        return guard.read(call).onFailure().transform(failure -> new DownstreamException("basket-service", failure));
    }

    private MutinyBasketServiceStub stub() {
        return stub.withDeadlineAfter(config.readDeadline().toMillis(), TimeUnit.MILLISECONDS);
    }
}
