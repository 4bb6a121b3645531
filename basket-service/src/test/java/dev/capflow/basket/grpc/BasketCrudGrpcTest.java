package dev.capflow.basket.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.capflow.basket.fake.FakeIngestServer;
import dev.capflow.proto.basket.v1.Basket;
import dev.capflow.proto.basket.v1.CreateBasketRequest;
import dev.capflow.proto.basket.v1.DeleteBasketRequest;
import dev.capflow.proto.basket.v1.GetBasketRequest;
import dev.capflow.proto.basket.v1.ListBasketsRequest;
import dev.capflow.proto.basket.v1.Rebalance;
import dev.capflow.proto.basket.v1.UpdateBasketRequest;
import dev.capflow.proto.basket.v1.Weighting;
import dev.capflow.testsupport.PostgresRedisResource;
import dev.capflow.testsupport.RacedWrites;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = PostgresRedisResource.class, initArgs = @ResourceArg(name = "redis-db", value = "3"))
@QuarkusTestResource(FakeIngestServer.class)
class BasketCrudGrpcTest extends GrpcTestBase {

    /** Half the deadline: a raced write ends by then, at once, never at its deadline. */
    private static final Duration PROMPTLY = Duration.ofSeconds(DEADLINE_SECONDS / 2);

    @Inject
    Flyway flyway;

    @Test
    void theTwoSeededBasketsArePresentExactlyOnceEvenWhenMigrationsRunAgain() throws Exception {
        flyway.migrate();

        assertThat(sqlLong("select count(*) from basket.basket where id in ('team-google', 'team-openai')"))
                .isEqualTo(2);
        assertThat(sqlLong("select count(*) from basket.basket_member where basket_id = 'team-google'"))
                .isEqualTo(5);
        assertThat(sqlLong("select count(*) from basket.basket_member where basket_id = 'team-openai'"))
                .isEqualTo(6);
        Basket google = client().getBasket(
                        GetBasketRequest.newBuilder().setBasketId("team-google").build())
                .getBasket();
        assertThat(google.getName()).isEqualTo("Team Google");
        assertThat(google.getCurrency()).isEqualTo("USD");
        assertThat(google.getBaseDate()).isEqualTo("2025-10-29");
        assertThat(google.getBaseValue()).isEqualTo(100.0);
        assertThat(google.getWeighting()).isEqualTo(Weighting.WEIGHTING_EQUAL);
        assertThat(google.getRebalance()).isEqualTo(Rebalance.REBALANCE_NONE);
        assertThat(google.getMembersList())
                .extracting(m -> m.getSymbol())
                .containsExactly("GOOGL", "AVGO", "CLS", "LITE", "TTMI");
        assertThat(google.getMembersList())
                .allSatisfy(m -> assertThat(m.getWeight()).isEqualTo(0.2));
        assertThat(client().listBaskets(ListBasketsRequest.getDefaultInstance()).getBasketsList())
                .extracting(Basket::getId)
                .contains("team-google", "team-openai");
    }

    @Test
    void createReadUpdateDelete() {
        Basket created = client().createBasket(CreateBasketRequest.newBuilder()
                        .setBasket(Basket.newBuilder()
                                .setId("crud")
                                .setName(" Chips ")
                                .setCurrency("USD")
                                .setBaseDate("2025-11-03")
                                .setWeighting(Weighting.WEIGHTING_CUSTOM)
                                .setRebalance(Rebalance.REBALANCE_MONTHLY)
                                .addMembers(member("nvda", 0.75))
                                .addMembers(member("AMD", 0.25)))
                        .build())
                .getBasket();
        assertThat(created.getId()).isEqualTo("crud");
        assertThat(created.getName()).isEqualTo("Chips");
        assertThat(created.getCurrency()).isEqualTo("USD");
        assertThat(created.getBaseValue()).isEqualTo(100.0);
        assertThat(created.getMembersList()).containsExactly(member("NVDA", 0.75), member("AMD", 0.25));
        assertThat(created.getVersion()).isZero();

        Basket read = client().getBasket(
                        GetBasketRequest.newBuilder().setBasketId("crud").build())
                .getBasket();
        assertThat(read).isEqualTo(created);

        Basket updated = client().updateBasket(UpdateBasketRequest.newBuilder()
                        .setBasket(read.toBuilder()
                                .setName("Chips v2")
                                .clearMembers()
                                .addMembers(member("NVDA", 0.5))
                                .addMembers(member("AMD", 0.3))
                                .addMembers(member("AVGO", 0.2)))
                        .build())
                .getBasket();
        assertThat(updated.getVersion()).isEqualTo(1);
        assertThat(updated.getMembersList()).extracting(m -> m.getSymbol()).containsExactly("NVDA", "AMD", "AVGO");
        assertThat(client().getBasket(GetBasketRequest.newBuilder()
                                .setBasketId("crud")
                                .build())
                        .getBasket())
                .isEqualTo(updated);

        client().deleteBasket(DeleteBasketRequest.newBuilder()
                .setBasketId("crud")
                .setVersion(1)
                .build());
        StatusRuntimeException gone = catchThrowableOfType(
                StatusRuntimeException.class,
                () -> client().getBasket(GetBasketRequest.newBuilder()
                        .setBasketId("crud")
                        .build()));
        assertThat(gone.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    }

    @Test
    void everyReplacedVersionAndTheLastOneOfADeletedBasketAreKept() throws Exception {
        Basket created = client().createBasket(CreateBasketRequest.newBuilder()
                        .setBasket(equalBasket("kept", "NVDA", "AMD"))
                        .build())
                .getBasket();
        Basket updated = client().updateBasket(UpdateBasketRequest.newBuilder()
                        .setBasket(created.toBuilder()
                                .setName("kept v2")
                                .clearMembers()
                                .addMembers(member("AVGO", 1)))
                        .build())
                .getBasket();
        StatusRuntimeException stale = catchThrowableOfType(
                StatusRuntimeException.class,
                () -> client().deleteBasket(DeleteBasketRequest.newBuilder()
                        .setBasketId("kept")
                        .setVersion(7)
                        .build()));
        assertThat(stale.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
        assertThat(sqlLong("SELECT count(*) FROM basket.basket_revision WHERE basket_id = 'kept'"))
                .as("version 0, replaced; a refused delete keeps nothing")
                .isEqualTo(1);

        client().deleteBasket(DeleteBasketRequest.newBuilder()
                .setBasketId("kept")
                .setVersion(updated.getVersion())
                .build());

        assertThat(
                        sqlLong(
                                "SELECT count(*) FROM basket.basket_revision WHERE basket_id = 'kept' AND version = 0"
                                        + " AND NOT deleted AND name = 'Basket kept'"
                                        + " AND members = '[{\"symbol\": \"NVDA\", \"weight\": 0.5}, {\"symbol\": \"AMD\", \"weight\": 0.5}]'"))
                .as("the replaced definition, its members in order")
                .isEqualTo(1);
        assertThat(
                        sqlLong(
                                "SELECT count(*) FROM basket.basket_revision WHERE basket_id = 'kept' AND version = 1"
                                        + " AND deleted AND name = 'kept v2' AND members = '[{\"symbol\": \"AVGO\", \"weight\": 1.0}]'"))
                .as("the deleted basket's last definition")
                .isEqualTo(1);
    }

    @Test
    void aRandomIdIsAssignedWhenNoneIsGiven() {
        Basket created = client().createBasket(CreateBasketRequest.newBuilder()
                        .setBasket(equalBasket("", "NVDA", "MSFT", "ORCL"))
                        .build())
                .getBasket();
        assertThat(created.getId()).matches("[0-9a-f-]{36}");
        assertThat(created.getMembersList())
                .allSatisfy(m -> assertThat(m.getWeight()).isEqualTo(1.0 / 3));
    }

    @Test
    void aDeleteBasedOnVersionZeroDoesNotLoseAConcurrentUpdate() {
        Basket read = client().createBasket(CreateBasketRequest.newBuilder()
                        .setBasket(equalBasket("lost-update", "NVDA", "AMD"))
                        .build())
                .getBasket();
        assertThat(read.getVersion()).isZero();
        client().updateBasket(UpdateBasketRequest.newBuilder()
                .setBasket(read.toBuilder().setName("changed"))
                .build());

        // the old contract could not tell "version 0" from "no check": this delete used to remove the changed basket
        StatusRuntimeException stale = catchThrowableOfType(
                StatusRuntimeException.class,
                () -> client().deleteBasket(DeleteBasketRequest.newBuilder()
                        .setBasketId("lost-update")
                        .setExpectedVersion(0)
                        .build()));
        assertThat(stale.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
        assertThat(client().getBasket(GetBasketRequest.newBuilder()
                                .setBasketId("lost-update")
                                .build())
                        .getBasket()
                        .getName())
                .isEqualTo("changed");

        client().deleteBasket(DeleteBasketRequest.newBuilder()
                .setBasketId("lost-update")
                .setExpectedVersion(1)
                .build());
        StatusRuntimeException gone = catchThrowableOfType(
                StatusRuntimeException.class,
                () -> client().getBasket(GetBasketRequest.newBuilder()
                        .setBasketId("lost-update")
                        .build()));
        assertThat(gone.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    }

    @Test
    void deletesAndReplacesRacedAtOneVersionEndPromptlyWithOneWinner() throws Exception {
        for (int round = 0; round < 5; round++) {
            String id = "raced-" + round;
            Basket read = client().createBasket(CreateBasketRequest.newBuilder()
                            .setBasket(equalBasket(id, "NVDA", "AMD"))
                            .build())
                    .getBasket();
            List<Runnable> writes = new ArrayList<>();
            for (int n = 0; n < 3; n++) {
                writes.add(() -> client().deleteBasket(DeleteBasketRequest.newBuilder()
                        .setBasketId(id)
                        .setExpectedVersion(0)
                        .build()));
                writes.add(replaceAtVersionZero(read, "raced " + n));
            }
            List<Status.Code> codes = RacedWrites.codes(writes, PROMPTLY);
            assertThat(codes).as("round %d", round).containsOnlyOnce(Status.Code.OK);
            assertThat(codes)
                    .as("round %d", round)
                    .isSubsetOf(Status.Code.OK, Status.Code.ABORTED, Status.Code.NOT_FOUND);
            // a delete that won leaves no member row behind; a replace that won keeps its two members
            boolean deleteWon = codes.indexOf(Status.Code.OK) % 2 == 0;
            assertThat(sqlLong("select count(*) from basket.basket_member where basket_id = '" + id + "'"))
                    .as("round %d", round)
                    .isEqualTo(deleteWon ? 0 : 2);
        }
        RacedWrites.assertNoTransactionLeftOpen();
    }

    @Test
    void replacesRacedAtOneVersionEndPromptlyWithOneWinner() throws Exception {
        for (int round = 0; round < 5; round++) {
            Basket read = client().createBasket(CreateBasketRequest.newBuilder()
                            .setBasket(equalBasket("replaced-" + round, "NVDA", "AMD"))
                            .build())
                    .getBasket();
            List<Runnable> writes = new ArrayList<>();
            for (int n = 0; n < 4; n++) {
                writes.add(replaceAtVersionZero(read, "replaced " + n));
            }
            List<Status.Code> codes = RacedWrites.codes(writes, PROMPTLY);
            assertThat(codes).as("round %d", round).containsOnlyOnce(Status.Code.OK);
            assertThat(codes).as("round %d", round).containsOnly(Status.Code.OK, Status.Code.ABORTED);
            Basket stored = client().getBasket(GetBasketRequest.newBuilder()
                            .setBasketId(read.getId())
                            .build())
                    .getBasket();
            assertThat(stored.getVersion()).isEqualTo(1);
            assertThat(stored.getName()).isEqualTo("replaced " + codes.indexOf(Status.Code.OK));
        }
        RacedWrites.assertNoTransactionLeftOpen();
    }

    private Runnable replaceAtVersionZero(Basket read, String name) {
        return () -> client().updateBasket(UpdateBasketRequest.newBuilder()
                .setBasket(read.toBuilder().setName(name))
                .setExpectedVersion(0)
                .build());
    }

    @Test
    void twoWritersOfVersionOneCannotBothReplaceTheBasket() {
        Basket created = client().createBasket(CreateBasketRequest.newBuilder()
                        .setBasket(equalBasket("two-writers", "NVDA", "AMD"))
                        .build())
                .getBasket();
        Basket v1 = client().updateBasket(UpdateBasketRequest.newBuilder()
                        .setBasket(created.toBuilder().setName("v1"))
                        .setExpectedVersion(0)
                        .build())
                .getBasket();
        assertThat(v1.getVersion()).isEqualTo(1);

        Basket first = client().updateBasket(UpdateBasketRequest.newBuilder()
                        .setBasket(v1.toBuilder().setName("first"))
                        .setExpectedVersion(1)
                        .build())
                .getBasket();
        StatusRuntimeException second = catchThrowableOfType(
                StatusRuntimeException.class,
                () -> client().updateBasket(UpdateBasketRequest.newBuilder()
                        .setBasket(v1.toBuilder().setName("second"))
                        .setExpectedVersion(1)
                        .build()));

        assertThat(first.getVersion()).isEqualTo(2);
        assertThat(second.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
        assertThat(second.getStatus().getDescription()).contains("two-writers").contains("version 2, not 1");
        assertThat(client().getBasket(GetBasketRequest.newBuilder()
                                .setBasketId("two-writers")
                                .build())
                        .getBasket()
                        .getName())
                .isEqualTo("first");
        // expected_version is the check, whatever basket.version says; without it basket.version still is
        StatusRuntimeException staleOldField = catchThrowableOfType(
                StatusRuntimeException.class,
                () -> client().updateBasket(UpdateBasketRequest.newBuilder()
                        .setBasket(v1.toBuilder().setName("old field"))
                        .build()));
        assertThat(staleOldField.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
        assertThat(client().updateBasket(UpdateBasketRequest.newBuilder()
                                .setBasket(v1.toBuilder().setName("explicit"))
                                .setExpectedVersion(2)
                                .build())
                        .getBasket()
                        .getVersion())
                .isEqualTo(3);
        // a delete without expected_version and with version 0 does not check
        client().deleteBasket(DeleteBasketRequest.newBuilder()
                .setBasketId("two-writers")
                .build());
        StatusRuntimeException gone = catchThrowableOfType(
                StatusRuntimeException.class,
                () -> client().getBasket(GetBasketRequest.newBuilder()
                        .setBasketId("two-writers")
                        .build()));
        assertThat(gone.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    }

    @Test
    void aStaleVersionIsAbortedAndChangesNothing() throws Exception {
        Basket created = client().createBasket(CreateBasketRequest.newBuilder()
                        .setBasket(equalBasket("locked", "NVDA", "AMD"))
                        .build())
                .getBasket();
        client().updateBasket(UpdateBasketRequest.newBuilder()
                .setBasket(created.toBuilder().setName("first"))
                .build());

        StatusRuntimeException stale = catchThrowableOfType(
                StatusRuntimeException.class,
                () -> client().updateBasket(UpdateBasketRequest.newBuilder()
                        .setBasket(created.toBuilder().setName("second"))
                        .build()));
        assertThat(stale.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
        assertThat(stale.getStatus().getDescription()).contains("version 1, not 0");
        StatusRuntimeException staleDelete = catchThrowableOfType(
                StatusRuntimeException.class,
                () -> client().deleteBasket(DeleteBasketRequest.newBuilder()
                        .setBasketId("locked")
                        .setVersion(7)
                        .build()));
        assertThat(staleDelete.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);

        Basket stored = client().getBasket(
                        GetBasketRequest.newBuilder().setBasketId("locked").build())
                .getBasket();
        assertThat(stored.getName()).isEqualTo("first");
        assertThat(stored.getVersion()).isEqualTo(1);
    }

    @Test
    void aTakenIdIsAlreadyExists() {
        StatusRuntimeException taken = catchThrowableOfType(
                StatusRuntimeException.class,
                () -> client().createBasket(CreateBasketRequest.newBuilder()
                        .setBasket(equalBasket("team-google", "NVDA"))
                        .build()));
        assertThat(taken.getStatus().getCode()).isEqualTo(Status.Code.ALREADY_EXISTS);
    }

    @Test
    void weightsNotSummingToOneNameTheMembers() throws Exception {
        assertRejected(
                b -> b.setWeighting(Weighting.WEIGHTING_CUSTOM)
                        .addMembers(member("NVDA", 0.5))
                        .addMembers(member("AMD", 0.5 + 2e-9)),
                "basket.members[1].weight");
    }

    @Test
    void theWeightThatTakesTheSumPastOneIsNamedByItsIndex() throws Exception {
        assertRejected(
                b -> b.setWeighting(Weighting.WEIGHTING_CUSTOM)
                        .addMembers(member("NVDA", 0.5))
                        .addMembers(member("MSFT", 2.5)),
                "basket.members[1].weight");
    }

    @Test
    void aLowerCaseCurrencyIsRefusedNotUpperCased() throws Exception {
        assertRejected(b -> b.setCurrency("usd").addMembers(member("NVDA", 0)), "basket.currency");
    }

    @Test
    void malformedSymbolsAreNamedByTheirIndexNotAsTheWholeMemberList() throws Exception {
        assertRejected(
                b -> b.addMembers(member("NVDA", 0)).addMembers(member("../etc", 0)), "basket.members[1].symbol");
        assertRejected(
                b -> b.addMembers(member("'; DROP TABLE bars;--", 0)).addMembers(member("NVDA", 0)),
                "basket.members[0].symbol");
        assertRejected(b -> b.addMembers(member("S".repeat(100_000), 0)), "basket.members[0].symbol");
    }

    @Test
    void aNameOverTwoHundredCharactersIsRefused() throws Exception {
        assertRejected(b -> b.setName("n".repeat(201)).addMembers(member("NVDA", 0)), "basket.name");
    }

    @Test
    void aReplacementIsCheckedByTheSameRulesAndChangesNothing() throws Exception {
        Basket created = client().createBasket(CreateBasketRequest.newBuilder()
                        .setBasket(equalBasket("replaced-badly", "NVDA", "MSFT"))
                        .build())
                .getBasket();

        StatusRuntimeException error = catchThrowableOfType(
                StatusRuntimeException.class,
                () -> client().updateBasket(UpdateBasketRequest.newBuilder()
                        .setBasket(created.toBuilder()
                                .setCurrency("usd")
                                .setName("n".repeat(100_000))
                                .clearMembers()
                                .addMembers(member("NVDA", 0))
                                .addMembers(member("MSFT", 0.7))
                                .addMembers(member("nv da", 0)))
                        .build()));

        assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(violatedFields(error))
                .containsExactly(
                        "basket.name", "basket.currency", "basket.members[1].weight", "basket.members[2].symbol");
        assertThat(client().getBasket(GetBasketRequest.newBuilder()
                                .setBasketId("replaced-badly")
                                .build())
                        .getBasket())
                .isEqualTo(created);
    }

    @Test
    void weightsWithinOneBillionthOfOneAreAccepted() {
        Basket created = client().createBasket(CreateBasketRequest.newBuilder()
                        .setBasket(equalBasket("nearly-one")
                                .setWeighting(Weighting.WEIGHTING_CUSTOM)
                                .addMembers(member("NVDA", 0.5))
                                .addMembers(member("AMD", 0.5 + 5e-10)))
                        .build())
                .getBasket();
        assertThat(created.getMembersCount()).isEqualTo(2);
    }

    @Test
    void aDuplicateMemberIsNamedByIndex() throws Exception {
        assertRejected(
                b -> b.addMembers(member("NVDA", 0))
                        .addMembers(member("AMD", 0))
                        .addMembers(member("nvda", 0)),
                "basket.members[2].symbol");
    }

    @Test
    void anEmptyBasketNamesTheMembers() throws Exception {
        assertRejected(b -> {}, "basket.members");
    }

    @Test
    void anUnknownSymbolIsNamedByIndex() throws Exception {
        assertRejected(b -> b.addMembers(member("NVDA", 0)).addMembers(member("NOPE", 0)), "basket.members[1].symbol");
    }

    @Test
    void badDefinitionFieldsAreEachNamed() throws Exception {
        StatusRuntimeException error = catchThrowableOfType(
                StatusRuntimeException.class,
                () -> client().createBasket(CreateBasketRequest.newBuilder()
                        .setBasket(Basket.newBuilder()
                                .setId("Bad Id")
                                .setCurrency("dollars")
                                .setBaseDate("2025-13-01")
                                .addMembers(member("NVDA", 1)))
                        .build()));
        assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(violatedFields(error))
                .containsExactlyInAnyOrder(
                        "basket.id", "basket.name", "basket.currency", "basket.base_date", "basket.weighting");
    }

    @Test
    void definitionsThatCouldNeverBeComputedAreRefused() throws Exception {
        assertRejected(b -> b.setCurrency("XYZ").addMembers(member("NVDA", 0)), "basket.currency");
        assertRejected(
                b -> b.setBaseDate(java.time.LocalDate.now(java.time.ZoneOffset.UTC)
                                .plusDays(2)
                                .toString())
                        .addMembers(member("NVDA", 0)),
                "basket.base_date");
        // EQUAL weighting does not silently drop the weights sent
        assertRejected(b -> b.addMembers(member("NVDA", 0.7)).addMembers(member("AMD", 0)), "basket.members[0].weight");
    }

    @Test
    void aNegativeBaseValueIsNamed() throws Exception {
        assertRejected(b -> b.setBaseValue(-5).addMembers(member("NVDA", 0)), "basket.base_value");
    }

    private void assertRejected(Consumer<Basket.Builder> shape, String field) throws Exception {
        Basket.Builder basket = equalBasket("rejected");
        shape.accept(basket);
        StatusRuntimeException error = catchThrowableOfType(
                StatusRuntimeException.class,
                () -> client().createBasket(CreateBasketRequest.newBuilder()
                        .setBasket(basket)
                        .build()));
        assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(violatedFields(error)).containsExactly(field);
        StatusRuntimeException absent = catchThrowableOfType(
                StatusRuntimeException.class,
                () -> client().getBasket(GetBasketRequest.newBuilder()
                        .setBasketId("rejected")
                        .build()));
        assertThat(absent.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    }
}
