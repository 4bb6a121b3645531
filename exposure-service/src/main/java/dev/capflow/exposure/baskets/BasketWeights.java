package dev.capflow.exposure.baskets;

import dev.capflow.exposure.client.BasketClient;
import dev.capflow.proto.basket.v1.Basket;
import dev.capflow.proto.basket.v1.Contribution;
import dev.capflow.proto.basket.v1.GetPerformanceResponse;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Reads every basket's current member weights from basket-service: ListBaskets, then per basket GetPerformance over its
 * default window (base date to latest close), whose contributions carry each member's end weight. Never
 * fails: basket-service unavailable gives a book with its reason, a basket that cannot be read gives that basket's.
 */
@ApplicationScoped
public class BasketWeights {

    private static final Logger LOG = Logger.getLogger(BasketWeights.class);
    /** GetPerformance calls in flight at once. */
    private static final int CONCURRENCY = 4;

    private final BasketClient baskets;

    public BasketWeights(BasketClient baskets) {
        this.baskets = baskets;
    }

    public Uni<BasketBook> current() {
        return baskets.baskets()
                .chain(list -> {
                    if (list.isEmpty()) {
                        return Uni.createFrom().item(new BasketBook(List.of(), ""));
                    }
                    List<Uni<BasketHolding>> holdings = new ArrayList<>();
                    list.forEach(basket -> holdings.add(holding(basket)));
                    return Uni.join()
                            .all(holdings)
                            .usingConcurrencyOf(CONCURRENCY)
                            .andFailFast()
                            .map(all -> new BasketBook(all, ""));
                })
                .onFailure()
                .recoverWithItem(failure -> {
                    LOG.warnf("basket impacts unavailable: %s", failure.getMessage());
                    return BasketBook.unavailable("basket-service unavailable: " + failure.getMessage());
                });
    }

    private Uni<BasketHolding> holding(Basket basket) {
        return baskets.performance(basket.getId())
                .map(performance -> weighed(basket, performance))
                .onFailure()
                .recoverWithItem(
                        failure -> BasketHolding.unavailable(basket.getId(), basket.getName(), failure.getMessage()));
    }

    /**
     * The members' current weights: their end weights over the default window (base date to latest close), which
     * basket-service computes with the units in force since the last rebalance. A basket-service that does not send
     * them (an older version during a rollout: every end weight 0) makes the basket unavailable, not wrong.
     */
    static BasketHolding weighed(Basket basket, GetPerformanceResponse performance) {
        List<Contribution> members = performance.getContributionsList();
        double total = members.stream().mapToDouble(Contribution::getEndWeight).sum();
        if (!(total > 0)) {
            return BasketHolding.unavailable(
                    basket.getId(),
                    basket.getName(),
                    "basket-service sent no end weights (a version older than this exposure-service)");
        }
        List<MemberWeight> weighed = new ArrayList<>();
        for (Contribution member : members) {
            weighed.add(new MemberWeight(member.getSymbol(), member.getEndWeight()));
        }
        return new BasketHolding(basket.getId(), basket.getName(), weighed, "");
    }
}
