package dev.capflow.basket.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.offset;
import static org.awaitility.Awaitility.await;

import dev.capflow.basket.fake.FakeIngestServer;
import dev.capflow.proto.basket.v1.Basket;
import dev.capflow.proto.basket.v1.CompareRequest;
import dev.capflow.proto.basket.v1.CreateBasketRequest;
import dev.capflow.proto.basket.v1.DeleteBasketRequest;
import dev.capflow.proto.basket.v1.GetBasketRequest;
import dev.capflow.proto.basket.v1.GetPerformanceRequest;
import dev.capflow.proto.basket.v1.GetPerformanceResponse;
import dev.capflow.proto.basket.v1.UpdateBasketRequest;
import dev.capflow.proto.basket.v1.WatchBasketRequest;
import dev.capflow.redis.AnswerGenerationKeys;
import dev.capflow.redis.PriceStreamEntries;
import dev.capflow.testsupport.PostgresRedisResource;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The answer generation of a basket ({@code capflow:basket:{generations}:<id>:generation}, which the gateway's response cache reads)
 * moves when the basket is created or edited and when history changes for a symbol its answers were computed from: new bars (also
 * back-filled ones, which move no latest price) and corporate actions are reflected by the next answer, not hidden by
 * the cache. Baskets that do not depend on the changed symbol keep their cached answers.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresRedisResource.class, initArgs = @ResourceArg(name = "redis-db", value = "3"))
@QuarkusTestResource(FakeIngestServer.class)
class AnswerGenerationsGrpcTest extends GrpcTestBase {

    private static String redis(String... command) {
        return PostgresRedisResource.datastores().redisCommand(command);
    }

    /** The keys of the performance answers cached in Redis. */
    private static Set<String> performanceEntries() {
        Matcher keys =
                Pattern.compile("[^\\r\\n$*]*performance-4:[0-9a-f]+").matcher(redis("KEYS", "*performance-4:*"));
        Set<String> entries = new HashSet<>();
        while (keys.find()) {
            entries.add(keys.group());
        }
        return entries;
    }

    private static Set<String> performanceEntriesBut(Set<String> known) {
        Set<String> entries = performanceEntries();
        entries.removeAll(known);
        return entries;
    }

    /** The generation as stored in Redis, or null when the key is missing. */
    private static String generation(String basketId) {
        String reply = redis("GET", AnswerGenerationKeys.generation(AnswerGenerationKeys.DEFAULT_PREFIX, basketId));
        String[] lines = reply.split("\r\n");
        String last = lines[lines.length - 1];
        return last.equals("$-1") ? null : last;
    }

    /** What ingest-service appends to the price stream after storing new bars of {@code symbols}. */
    private static void announceBars(String symbols) {
        PriceStreamEntries.DEFAULT_SHARDING
                .bySymbolKey(List.of(symbols.split(",")))
                .forEach((key, shardSymbols) -> redis(
                        "XADD",
                        key,
                        "*",
                        "kind",
                        "bars",
                        "symbols",
                        String.join(",", shardSymbols),
                        "origin",
                        "ingest-test"));
    }

    private GetPerformanceResponse performance(String id) {
        return client().getPerformance(
                        GetPerformanceRequest.newBuilder().setBasketId(id).build());
    }

    private static int batchCalls() {
        return FakeIngestServer.service().streamRequests().size();
    }

    @Test
    void aPostedBarForAMemberIsReflectedByTheNextAnswer() {
        FakeIngestServer.service().addClose("GENA", "2025-10-29", 40);
        FakeIngestServer.service().addClose("GENA", "2025-10-31", 50);
        client().createBasket(CreateBasketRequest.newBuilder()
                .setBasket(equalBasket("with-gena", "NVDA", "GENA"))
                .build());
        client().createBasket(CreateBasketRequest.newBuilder()
                .setBasket(equalBasket("without-gena", "NVDA", "AMD"))
                .build());
        // the consumer's start-up resync moves every generation once: wait until an answer is served from the cache
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            performance("with-gena");
            performance("without-gena");
            int calls = batchCalls();
            performance("with-gena");
            performance("without-gena");
            return batchCalls() == calls;
        });
        GetPerformanceResponse before = performance("with-gena");
        String generationBefore = generation("with-gena");
        assertThat(generationBefore).as("created by the first answer").isNotNull();
        int calls = batchCalls();
        assertThat(performance("with-gena")).as("cached").isEqualTo(before);
        assertThat(batchCalls()).isEqualTo(calls);

        // a back-filled bar: GENA's latest close stays the one of 2025-10-31, yet every later level changes
        FakeIngestServer.service().addClose("GENA", "2025-11-03", 80);
        announceBars("MSFT,GENA");

        await().atMost(Duration.ofSeconds(10)).until(() -> !generationBefore.equals(generation("with-gena")));
        GetPerformanceResponse after = performance("with-gena");
        // buy-and-hold: GENA holds 0.5 * 100 / 40 units, carried forward at 80 instead of 50 to the last date
        double units = 0.5 * 100 / 40;
        assertThat(after.getMetrics().getTotalReturn())
                .isCloseTo(before.getMetrics().getTotalReturn() + units * (80 - 50) / 100, offset(1e-12));
        assertThat(after.getSeries(after.getSeriesCount() - 1).getLevel())
                .isCloseTo(before.getSeries(before.getSeriesCount() - 1).getLevel() + units * (80 - 50), offset(1e-9));

        int callsAfter = batchCalls();
        performance("without-gena");
        assertThat(batchCalls())
                .as("a basket without GENA keeps its cached answer")
                .isEqualTo(callsAfter);
    }

    @Test
    void aCorporateActionOfABenchmarkMovesTheAnswersComputedAgainstIt() {
        client().createBasket(CreateBasketRequest.newBuilder()
                .setBasket(equalBasket("benchmarked", "NVDA", "AMD"))
                .build());
        client().getPerformance(GetPerformanceRequest.newBuilder()
                .setBasketId("benchmarked")
                .setBenchmark("QQQ")
                .build());
        String before = generation("benchmarked");

        redis(
                "XADD",
                PriceStreamEntries.DEFAULT_SHARDING.keyFor("QQQ"),
                "*",
                "kind",
                "corporate-action",
                "symbols",
                "QQQ",
                "origin",
                "ingest-test");

        await().atMost(Duration.ofSeconds(10)).until(() -> !before.equals(generation("benchmarked")));
    }

    @Test
    void editingMovesTheGenerationDeletingRemovesItAndAComparisonIsCachedUnderBoth() {
        client().createBasket(CreateBasketRequest.newBuilder()
                .setBasket(equalBasket("edited", "NVDA", "AMD"))
                .build());
        client().compare(CompareRequest.newBuilder()
                .setBasketIdA("edited")
                .setBasketIdB("team-google")
                .build());
        int calls = batchCalls();
        client().compare(CompareRequest.newBuilder()
                .setBasketIdA("edited")
                .setBasketIdB("team-google")
                .build());
        assertThat(batchCalls()).as("cached").isEqualTo(calls);
        String created = generation("edited");

        Basket stored = client().getBasket(
                        GetBasketRequest.newBuilder().setBasketId("edited").build())
                .getBasket();
        client().updateBasket(UpdateBasketRequest.newBuilder()
                .setBasket(stored.toBuilder()
                        .clearMembers()
                        .addAllMembers(List.of(member("NVDA", 0.5), member("MSFT", 0.5))))
                .build());
        assertThat(generation("edited")).isNotNull().isNotEqualTo(created);
        client().compare(CompareRequest.newBuilder()
                .setBasketIdA("edited")
                .setBasketIdB("team-google")
                .build());
        assertThat(batchCalls()).as("computed again for the new definition").isGreaterThan(calls);

        client().deleteBasket(
                        DeleteBasketRequest.newBuilder().setBasketId("edited").build());
        assertThat(generation("edited")).isNull();
    }

    @Test
    void aCreatedBasketHasAGenerationAtOnceNeverOneOfAnEarlierBasketOfItsId() {
        client().createBasket(CreateBasketRequest.newBuilder()
                .setBasket(equalBasket("fresh", "NVDA", "AMD"))
                .build());
        String first = generation("fresh");
        // a gateway that finds no generation caches nothing: the answer after the first would be computed again
        assertThat(first).as("there before any answer").isNotNull();

        client().deleteBasket(
                        DeleteBasketRequest.newBuilder().setBasketId("fresh").build());
        // as if the delete had not reached Redis: the earlier basket's generation is still there
        redis("SET", AnswerGenerationKeys.generation(AnswerGenerationKeys.DEFAULT_PREFIX, "fresh"), first);
        client().createBasket(CreateBasketRequest.newBuilder()
                .setBasket(equalBasket("fresh", "NVDA", "MSFT"))
                .build());
        assertThat(generation("fresh")).isNotNull().isNotEqualTo(first);
    }

    @Test
    void theReplicasParsedCopyOfAnAnswerIsServedOnlyWhileItsGenerationIsCurrent() {
        // the other tests' answers are cached too, and KEYS lists keys in no defined order: this answer's entry is the
        // one key added meanwhile (the tests of a class run one after the other)
        Set<String> entriesBefore = performanceEntries();
        client().createBasket(CreateBasketRequest.newBuilder()
                .setBasket(equalBasket("copied", "NVDA", "AMD"))
                .build());
        // the consumer's start-up resync moves every generation once: wait until an answer is served from the cache
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            performance("copied");
            int calls = batchCalls();
            performance("copied");
            return batchCalls() == calls;
        });
        GetPerformanceResponse cached = performance("copied");
        int calls = batchCalls();

        // the entry in Redis is not read while the copy's tag is current: only the generation is
        // (its write is not awaited by the answer, hence polled for)
        Set<String> added = await().atMost(Duration.ofSeconds(10))
                .until(() -> performanceEntriesBut(entriesBefore), entries -> !entries.isEmpty());
        assertThat(added).as("this basket's answer: one entry").hasSize(1);
        redis("SET", added.iterator().next(), generation("copied") + " not-base64!");
        assertThat(performance("copied")).isEqualTo(cached);
        assertThat(batchCalls()).as("served from the copy").isEqualTo(calls);

        redis("INCR", AnswerGenerationKeys.generation(AnswerGenerationKeys.DEFAULT_PREFIX, "copied"));
        assertThat(performance("copied")).isEqualTo(cached);
        assertThat(batchCalls()).as("a moved generation: computed again").isGreaterThan(calls);
    }

    /**
     * A question about an id that names no basket leaves no generation behind, also one a gateway's lookup created
     * before asking: otherwise every unknown id asked about would stay in Redis for good.
     */
    @Test
    void questionsAboutUnknownIdsLeaveNoGenerationBehind() {
        client().createBasket(CreateBasketRequest.newBuilder()
                .setBasket(equalBasket("known-one", "NVDA", "AMD"))
                .build());
        String basketsSet = AnswerGenerationKeys.baskets(AnswerGenerationKeys.DEFAULT_PREFIX);
        // as the gateway's lookup leaves it before it asks for the answer
        redis("SET", AnswerGenerationKeys.generation(AnswerGenerationKeys.DEFAULT_PREFIX, "ghost-a"), "1");
        redis("SADD", basketsSet, "ghost-a");

        assertThat(notFound(() -> performance("ghost-a"))).contains("ghost-a");
        assertThat(notFound(() -> performance("ghost-b"))).contains("ghost-b");
        assertThat(notFound(() -> client().compare(CompareRequest.newBuilder()
                        .setBasketIdA("known-one")
                        .setBasketIdB("ghost-c")
                        .build())))
                .contains("ghost-c");
        assertThat(notFound(() -> client().watchBasket(WatchBasketRequest.newBuilder()
                                .setBasketId("ghost-d")
                                .build())
                        .hasNext()))
                .contains("ghost-d");

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(Arrays.asList(
                                generation("ghost-a"),
                                generation("ghost-b"),
                                generation("ghost-c"),
                                generation("ghost-d")))
                        .containsOnlyNulls());
        assertThat(redis("SMEMBERS", basketsSet)).doesNotContain("ghost-").contains("known-one");
        assertThat(generation("known-one"))
                .as("the known basket of the comparison keeps its own")
                .isNotNull();
    }

    /** The description of the NOT_FOUND status {@code call} fails with. */
    private static String notFound(Runnable call) {
        StatusRuntimeException failure = catchThrowableOfType(StatusRuntimeException.class, call::run);
        assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        return failure.getStatus().getDescription();
    }
}
