package dev.capflow.exposure.fake;

import dev.capflow.proto.basket.v1.Basket;
import dev.capflow.proto.basket.v1.BasketMember;
import dev.capflow.proto.basket.v1.BasketServiceGrpc;
import dev.capflow.proto.basket.v1.Contribution;
import dev.capflow.proto.basket.v1.GetPerformanceRequest;
import dev.capflow.proto.basket.v1.GetPerformanceResponse;
import dev.capflow.proto.basket.v1.ListBasketsRequest;
import dev.capflow.proto.basket.v1.ListBasketsResponse;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A stand-in for basket-service with the two seeded baskets (equal weights, buy-and-hold from 2025-10-29): ListBaskets,
 * and GetPerformance whose contributions carry each member's start weight and its return from the base date to its last
 * demo close. Tests can take it down (every call UNAVAILABLE).
 */
public class FakeBasketService extends BasketServiceGrpc.BasketServiceImplBase {

    static final LocalDate BASE_DATE = LocalDate.parse("2025-10-29");
    static final Map<String, List<String>> BASKETS = Map.of(
            "team-google", List.of("GOOGL", "AVGO", "CLS", "LITE", "TTMI"),
            "team-openai", List.of("NVDA", "MSFT", "SFTBY", "ORCL", "AMD", "CRWV"));

    private final DemoMarket market;
    private volatile boolean down;

    public FakeBasketService(DemoMarket market) {
        this.market = market;
    }

    public void setDown(boolean down) {
        this.down = down;
    }

    public boolean isDown() {
        return down;
    }

    @Override
    public void listBaskets(ListBasketsRequest request, StreamObserver<ListBasketsResponse> answer) {
        if (refusedWhileDown(answer)) {
            return;
        }
        ListBasketsResponse.Builder response = ListBasketsResponse.newBuilder();
        BASKETS.keySet().stream().sorted().forEach(id -> {
            Basket.Builder basket = Basket.newBuilder()
                    .setId(id)
                    .setName(id.equals("team-google") ? "Team Google" : "Team OpenAI")
                    .setCurrency("USD")
                    .setBaseDate(BASE_DATE.toString());
            BASKETS.get(id)
                    .forEach(symbol -> basket.addMembers(BasketMember.newBuilder()
                            .setSymbol(symbol)
                            .setWeight(1.0 / BASKETS.get(id).size())));
            response.addBaskets(basket);
        });
        answer.onNext(response.build());
        answer.onCompleted();
    }

    @Override
    public void getPerformance(GetPerformanceRequest request, StreamObserver<GetPerformanceResponse> answer) {
        if (refusedWhileDown(answer)) {
            return;
        }
        List<String> members = BASKETS.get(request.getBasketId());
        GetPerformanceResponse.Builder response =
                GetPerformanceResponse.newBuilder().setBasketId(request.getBasketId());
        // equal weights held since the base date: a member's end weight is its growth over the basket's
        double[] growth = members.stream()
                .mapToDouble(symbol -> market.last(symbol).close()
                        / market.firstFrom(symbol, BASE_DATE).close())
                .toArray();
        double basketGrowth = java.util.Arrays.stream(growth).sum();
        for (int m = 0; m < members.size(); m++) {
            double memberReturn = growth[m] - 1;
            response.addContributions(Contribution.newBuilder()
                    .setSymbol(members.get(m))
                    .setWeight(1.0 / members.size())
                    .setMemberReturn(memberReturn)
                    .setContribution(memberReturn / members.size())
                    .setEndWeight(growth[m] / basketGrowth));
        }
        answer.onNext(response.build());
        answer.onCompleted();
    }

    private <T> boolean refusedWhileDown(StreamObserver<T> answer) {
        if (down) {
            answer.onError(Status.UNAVAILABLE
                    .withDescription("fake basket-service is down")
                    .asRuntimeException());
        }
        return down;
    }
}
