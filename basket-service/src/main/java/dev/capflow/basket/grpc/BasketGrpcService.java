package dev.capflow.basket.grpc;

import java.util.function.Supplier;

import com.google.protobuf.Timestamp;

import dev.capflow.basket.config.BasketConfig;
import dev.capflow.basket.domain.BasketValidator;
import dev.capflow.basket.domain.ReturnType;
import dev.capflow.basket.domain.Window;
import dev.capflow.basket.engine.PerformanceQuery;
import dev.capflow.basket.live.LiveLevels;
import dev.capflow.basket.service.BasketCatalog;
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
import dev.capflow.proto.basket.v1.MutinyBasketServiceGrpc;
import dev.capflow.proto.basket.v1.UpdateBasketRequest;
import dev.capflow.proto.basket.v1.UpdateBasketResponse;
import dev.capflow.proto.basket.v1.WatchBasketRequest;
import dev.capflow.proto.basket.v1.WatchBasketResponse;
import dev.capflow.validation.InvalidRequestException;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The capflow.basket.v1.BasketService contract: checks request fields, delegates, maps answers and errors.
 */
@GrpcService
public class BasketGrpcService extends MutinyBasketServiceGrpc.BasketServiceImplBase {

    private final BasketCatalog catalog;
    private final CachedAnswers answers;
    private final LiveLevels live;
    private final int maxMembers;

    public BasketGrpcService(BasketCatalog catalog, CachedAnswers answers, LiveLevels live, BasketConfig config) {
        this.catalog = catalog;
        this.answers = answers;
        this.live = live;
        this.maxMembers = config.maxMembers();
    }

    @Override
    public Uni<CreateBasketResponse> createBasket(CreateBasketRequest request) {
        return answer(() -> catalog.create(BasketValidator.validate(ProtoMapper.toInput(request.getBasket()), false, maxMembers))
                .map(basket -> CreateBasketResponse.newBuilder().setBasket(ProtoMapper.toProto(basket)).build()));
    }

    @Override
    public Uni<GetBasketResponse> getBasket(GetBasketRequest request) {
        return answer(() -> catalog.get(requireId(request.getBasketId(), "basket_id"))
                .map(basket -> GetBasketResponse.newBuilder().setBasket(ProtoMapper.toProto(basket)).build()));
    }

    @Override
    public Uni<UpdateBasketResponse> updateBasket(UpdateBasketRequest request) {
        return answer(() -> catalog.update(BasketValidator.validate(ProtoMapper.toInput(request.getBasket()), true, maxMembers))
                .map(basket -> UpdateBasketResponse.newBuilder().setBasket(ProtoMapper.toProto(basket)).build()));
    }

    @Override
    public Uni<DeleteBasketResponse> deleteBasket(DeleteBasketRequest request) {
        // expected_version checks any version, 0 included; without it the old field's 0 means no check
        Long expected = request.hasExpectedVersion() ? Long.valueOf(request.getExpectedVersion())
                : request.getVersion() == 0 ? null : Long.valueOf(request.getVersion());
        return answer(() -> catalog.delete(requireId(request.getBasketId(), "basket_id"), expected)
                .map(deleted -> DeleteBasketResponse.getDefaultInstance()));
    }

    @Override
    public Uni<ListBasketsResponse> listBaskets(ListBasketsRequest request) {
        return answer(() -> catalog.list().map(baskets -> ListBasketsResponse.newBuilder()
                .addAllBaskets(baskets.stream().map(ProtoMapper::toProto).toList()).build()));
    }

    @Override
    public Uni<GetPerformanceResponse> getPerformance(GetPerformanceRequest request) {
        return answer(() -> {
            String id = requireId(request.getBasketId(), "basket_id");
            Window window = Window.parse(request.getFrom(), request.getTo());
            String benchmark = BasketValidator.normalizeSymbol(request.getBenchmark());
            double riskFreeRate = request.getRiskFreeRate();
            if (!(riskFreeRate >= PerformanceQuery.MIN_RISK_FREE_RATE && riskFreeRate <= PerformanceQuery.MAX_RISK_FREE_RATE)) {
                throw new InvalidRequestException("risk_free_rate", PerformanceQuery.riskFreeRateRule(riskFreeRate));
            }
            ReturnType type = ProtoMapper.returnType(request.getReturnType());
            return answers.performance(id, window, benchmark.isEmpty() ? null : benchmark, type, riskFreeRate);
        });
    }

    @Override
    public Uni<CompareResponse> compare(CompareRequest request) {
        return answer(() -> {
            String a = requireId(request.getBasketIdA(), "basket_id_a");
            String b = requireId(request.getBasketIdB(), "basket_id_b");
            Window window = Window.parse(request.getFrom(), request.getTo());
            ReturnType type = ProtoMapper.returnType(request.getReturnType());
            return answers.compare(a, b, window, type);
        });
    }

    @Override
    public Multi<WatchBasketResponse> watchBasket(WatchBasketRequest request) {
        return Multi.createFrom().deferred(() -> live.watch(requireId(request.getBasketId(), "basket_id")))
                .map(level -> WatchBasketResponse.newBuilder().setBasketId(level.basketId()).setLevel(level.level())
                        .setBasketVersion(level.basketVersion()).setDeleted(level.deleted())
                        .setTs(Timestamp.newBuilder().setSeconds(level.ts().getEpochSecond()).setNanos(level.ts().getNano()))
                        .build())
                .onFailure().transform(GrpcErrors::toStatus);
    }

    private static String requireId(String id, String field) {
        if (id == null || id.isBlank()) {
            throw new InvalidRequestException(field, "the basket id is required");
        }
        return id.trim();
    }

    /** Runs {@code call} (validation failures included) and maps every failure to its gRPC status. */
    private static <T> Uni<T> answer(Supplier<Uni<? extends T>> call) {
        return Uni.createFrom().<T>deferred(call).onFailure().transform(GrpcErrors::toStatus);
    }
}
