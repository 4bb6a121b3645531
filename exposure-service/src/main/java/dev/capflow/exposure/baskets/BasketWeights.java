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
 * default window (base date to latest close), whose contributions carry each member's start weight and return. Never
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

    static BasketHolding weighed(Basket basket, GetPerformanceResponse performance) {
        List<Contribution> members = performance.getContributionsList();
        double[] startWeights =
                members.stream().mapToDouble(Contribution::getWeight).toArray();
        double[] returns =
                members.stream().mapToDouble(Contribution::getMemberReturn).toArray();
        double[] weights = BasketImpacts.currentWeights(startWeights, returns);
        if (weights == null) {
            return BasketHolding.unavailable(
                    basket.getId(), basket.getName(), "the members are worth nothing in total");
        }
        List<MemberWeight> weighed = new ArrayList<>();
        for (int m = 0; m < weights.length; m++) {
            weighed.add(new MemberWeight(members.get(m).getSymbol(), weights[m]));
        }
        return new BasketHolding(basket.getId(), basket.getName(), weighed, "");
    }
}
