package dev.capflow.gateway.fake;

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
import dev.capflow.proto.basket.v1.UpdateBasketRequest;
import dev.capflow.proto.basket.v1.UpdateBasketResponse;
import dev.capflow.proto.basket.v1.WatchBasketRequest;
import dev.capflow.proto.basket.v1.WatchBasketResponse;
import io.grpc.stub.StreamObserver;

/**
 * A stand-in for basket-service on the fake server's port: it plays the answers scripted on the shared
 * {@link FakeIngestService} with {@code fake.script(BasketServiceGrpc.get...Method(), ...)}.
 */
public class FakeBasketService extends BasketServiceGrpc.BasketServiceImplBase {

    private final FakeIngestService scripts;

    public FakeBasketService(FakeIngestService scripts) {
        this.scripts = scripts;
    }

    @Override
    public void createBasket(CreateBasketRequest request, StreamObserver<CreateBasketResponse> observer) {
        scripts.answer(BasketServiceGrpc.getCreateBasketMethod(), request, observer);
    }

    @Override
    public void getBasket(GetBasketRequest request, StreamObserver<GetBasketResponse> observer) {
        scripts.answer(BasketServiceGrpc.getGetBasketMethod(), request, observer);
    }

    @Override
    public void updateBasket(UpdateBasketRequest request, StreamObserver<UpdateBasketResponse> observer) {
        scripts.answer(BasketServiceGrpc.getUpdateBasketMethod(), request, observer);
    }

    @Override
    public void deleteBasket(DeleteBasketRequest request, StreamObserver<DeleteBasketResponse> observer) {
        scripts.answer(BasketServiceGrpc.getDeleteBasketMethod(), request, observer);
    }

    @Override
    public void listBaskets(ListBasketsRequest request, StreamObserver<ListBasketsResponse> observer) {
        scripts.answer(BasketServiceGrpc.getListBasketsMethod(), request, observer);
    }

    @Override
    public void getPerformance(GetPerformanceRequest request, StreamObserver<GetPerformanceResponse> observer) {
        scripts.answer(BasketServiceGrpc.getGetPerformanceMethod(), request, observer);
    }

    @Override
    public void compare(CompareRequest request, StreamObserver<CompareResponse> observer) {
        scripts.answer(BasketServiceGrpc.getCompareMethod(), request, observer);
    }

    @Override
    public void watchBasket(WatchBasketRequest request, StreamObserver<WatchBasketResponse> observer) {
        scripts.answerOrKeepOpen(BasketServiceGrpc.getWatchBasketMethod(), request, observer);
    }
}
