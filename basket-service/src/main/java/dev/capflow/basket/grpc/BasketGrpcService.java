package dev.capflow.basket.grpc;

import com.google.protobuf.Timestamp;
import dev.capflow.basket.cache.CachedAnswers;
import dev.capflow.basket.config.BasketConfig;
import dev.capflow.basket.domain.Basket;
import dev.capflow.basket.domain.BasketValidator;
import dev.capflow.basket.domain.ReturnType;
import dev.capflow.basket.domain.Window;
import dev.capflow.basket.engine.PerformanceQuery;
import dev.capflow.basket.live.LiveLevels;
import dev.capflow.basket.service.BasketCatalog;
import dev.capflow.grpc.ExpectedVersion;
import dev.capflow.grpc.TickerSymbols;
import dev.capflow.grpc.idempotency.IdempotencyKey;
import dev.capflow.grpc.idempotency.IdempotencyKeys;
import dev.capflow.grpc.paging.Page;
import dev.capflow.grpc.paging.PageRequest;
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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The capflow.basket.v1.BasketService contract: checks request fields, delegates, maps answers and errors.
 */
@GrpcService
public class BasketGrpcService extends MutinyBasketServiceGrpc.BasketServiceImplBase {

    private final BasketCatalog catalog;
    private final CachedAnswers answers;
    private final LiveLevels live;
    private final int maxMembers;
    private final IdempotencyKeys keys;
    private final Set<String> currencies;

    public BasketGrpcService(
            BasketCatalog catalog, CachedAnswers answers, LiveLevels live, BasketConfig config, IdempotencyKeys keys) {
        this.catalog = catalog;
        this.keys = keys;
        this.answers = answers;
        this.live = live;
        this.maxMembers = config.maxMembers();
        this.currencies = convertible(config.fx().series().keySet());
    }

    /** The basket of a write, checked against the platform's limits and the currencies it can convert today. */
    private Basket validated(dev.capflow.proto.basket.v1.Basket basket, boolean idRequired) {
        return BasketValidator.validate(
                ProtoMapper.toInput(basket), idRequired, maxMembers, currencies, LocalDate.now(ZoneOffset.UTC));
    }

    @Override
    public Uni<CreateBasketResponse> createBasket(CreateBasketRequest request) {
        Supplier<Uni<CreateBasketResponse>> create = () -> catalog.create(validated(request.getBasket(), false))
                .map(basket -> CreateBasketResponse.newBuilder()
                        .setBasket(ProtoMapper.toProto(basket))
                        .build());
        return answer(() -> IdempotencyKey.of(request)
                .map(key -> keys.once(key, create, CreateBasketResponse.parser()))
                .orElseGet(create));
    }

    /** USD and both sides of every configured FX pair ({@code BASE/QUOTE}). */
    static Set<String> convertible(Set<String> pairs) {
        Set<String> currencies = new TreeSet<>(Set.of("USD"));
        pairs.forEach(
                pair -> currencies.addAll(List.of(pair.toUpperCase(Locale.ROOT).split("/"))));
        return Set.copyOf(currencies);
    }

    @Override
    public Uni<GetBasketResponse> getBasket(GetBasketRequest request) {
        return answer(() -> catalog.get(requireId(request.getBasketId(), "basket_id"))
                .map(basket -> GetBasketResponse.newBuilder()
                        .setBasket(ProtoMapper.toProto(basket))
                        .build()));
    }

    @Override
    public Uni<UpdateBasketResponse> updateBasket(UpdateBasketRequest request) {
        dev.capflow.proto.basket.v1.Basket checked = request.getBasket().toBuilder()
                .setVersion(ExpectedVersion.ofUpdate(
                        request.hasExpectedVersion(),
                        request.getExpectedVersion(),
                        request.getBasket().getVersion()))
                .build();
        return answer(() -> catalog.update(validated(checked, true))
                .map(basket -> UpdateBasketResponse.newBuilder()
                        .setBasket(ProtoMapper.toProto(basket))
                        .build()));
    }

    @Override
    public Uni<DeleteBasketResponse> deleteBasket(DeleteBasketRequest request) {
        Long expected = ExpectedVersion.ofDelete(
                request.hasExpectedVersion(), request.getExpectedVersion(), request.getVersion());
        return answer(() -> catalog.delete(requireId(request.getBasketId(), "basket_id"), expected)
                .map(deleted -> DeleteBasketResponse.getDefaultInstance()));
    }

    @Override
    public Uni<ListBasketsResponse> listBaskets(ListBasketsRequest request) {
        return answer(() -> {
            PageRequest page = PageRequest.of(request);
            return catalog.list()
                    .map(all -> Page.of(all, basket -> basket.id(), page))
                    .map(baskets -> ListBasketsResponse.newBuilder()
                            .addAllBaskets(baskets.items().stream()
                                    .map(ProtoMapper::toProto)
                                    .toList())
                            .setNextPageToken(baskets.nextPageToken())
                            .build());
        });
    }

    @Override
    public Uni<GetPerformanceResponse> getPerformance(GetPerformanceRequest request) {
        return answer(() -> {
            String id = requireId(request.getBasketId(), "basket_id");
            Window window = Window.parse(request.getFrom(), request.getTo());
            String benchmark = BasketValidator.normalizeSymbol(request.getBenchmark());
            if (!benchmark.isEmpty() && !TickerSymbols.isWellFormed(benchmark)) {
                throw new InvalidRequestException(
                        "benchmark", "must be a ticker symbol (" + TickerSymbols.RULE + ") or empty");
            }
            double riskFreeRate = request.getRiskFreeRate();
            if (!(riskFreeRate >= PerformanceQuery.MIN_RISK_FREE_RATE
                    && riskFreeRate <= PerformanceQuery.MAX_RISK_FREE_RATE)) {
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
        return Multi.createFrom()
                .deferred(() -> live.watch(requireId(request.getBasketId(), "basket_id")))
                .map(level -> WatchBasketResponse.newBuilder()
                        .setBasketId(level.basketId())
                        .setLevel(level.level())
                        .setBasketVersion(level.basketVersion())
                        .setDeleted(level.deleted())
                        .setTs(Timestamp.newBuilder()
                                .setSeconds(level.ts().getEpochSecond())
                                .setNanos(level.ts().getNano()))
                        .build())
                .onFailure()
                .transform(GrpcErrors::toStatus);
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
