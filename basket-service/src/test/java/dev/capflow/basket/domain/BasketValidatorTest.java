package dev.capflow.basket.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.capflow.basket.engine.Rebalance;
import dev.capflow.validation.FieldViolation;
import dev.capflow.validation.InvalidRequestException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BasketValidatorTest {

    private static final int MAX_MEMBERS = 3;
    private static final Set<String> CURRENCIES = Set.of("USD", "JPY");
    private static final LocalDate TODAY = LocalDate.of(2026, 1, 15);

    private static BasketInput input(Weighting weighting, List<Member> members) {
        return new BasketInput("chips", "Chips", "USD", "2025-10-29", 0, weighting, null, members, 3);
    }

    private static List<String> fields(BasketInput input) {
        return catchThrowableOfType(
                        InvalidRequestException.class,
                        () -> BasketValidator.validate(input, true, MAX_MEMBERS, CURRENCIES, TODAY))
                .violations()
                .stream()
                .map(FieldViolation::field)
                .toList();
    }

    @Test
    void normalizesAndAppliesDefaults() {
        Basket basket = BasketValidator.validate(
                input(Weighting.CUSTOM, List.of(new Member(" nvda ", 0.6), new Member("AMD", 0.4))),
                true,
                MAX_MEMBERS,
                CURRENCIES,
                TODAY);

        assertThat(basket.currency()).isEqualTo("USD");
        assertThat(basket.baseDate()).isEqualTo(LocalDate.of(2025, 10, 29));
        assertThat(basket.baseValue()).isEqualTo(100.0);
        assertThat(basket.rebalance()).isEqualTo(Rebalance.NONE);
        assertThat(basket.members()).containsExactly(new Member("NVDA", 0.6), new Member("AMD", 0.4));
        assertThat(basket.version()).isEqualTo(3);
    }

    @Test
    void equalWeightingSetsOneNthAndRefusesExplicitWeights() {
        Basket basket = BasketValidator.validate(
                input(Weighting.EQUAL, List.of(new Member("A", 0), new Member("B", 1.0 / 3), new Member("C", 0))),
                true,
                MAX_MEMBERS,
                CURRENCIES,
                TODAY);

        assertThat(basket.members()).extracting(Member::weight).containsOnly(1.0 / 3);
        assertThat(fields(
                        input(Weighting.EQUAL, List.of(new Member("A", 0.9), new Member("B", 0), new Member("C", 7)))))
                .containsExactly("basket.members[0].weight", "basket.members[2].weight");
    }

    @Test
    void aCurrencyThePlatformCannotConvertALowerCaseCodeAndAFutureBaseDateAreRefused() {
        BasketInput xyz = new BasketInput(
                "chips", "Chips", "XYZ", "2025-10-29", 0, Weighting.EQUAL, null, List.of(new Member("A", 0)), 0);
        BasketInput lowerCase = new BasketInput(
                "chips", "Chips", "usd", "2025-10-29", 0, Weighting.EQUAL, null, List.of(new Member("A", 0)), 0);
        BasketInput future = new BasketInput(
                "chips", "Chips", "JPY", "2026-01-16", 0, Weighting.EQUAL, null, List.of(new Member("A", 0)), 0);

        assertThat(fields(xyz)).containsExactly("basket.currency");
        assertThat(fields(lowerCase)).as("refused, not upper-cased").containsExactly("basket.currency");
        assertThat(fields(future)).containsExactly("basket.base_date");
        assertThat(BasketValidator.validate(
                                new BasketInput(
                                        "chips",
                                        "Chips",
                                        "JPY",
                                        "2026-01-15",
                                        0,
                                        Weighting.EQUAL,
                                        null,
                                        List.of(new Member("A", 0)),
                                        0),
                                true,
                                MAX_MEMBERS,
                                CURRENCIES,
                                TODAY)
                        .currency())
                .isEqualTo("JPY");
    }

    @Test
    void aBaseDateOutsideTheMarketDataRangeIsRefusedInsteadOfStored() {
        for (String date : List.of("-999999999-01-02", "+999999999-06-01", "1899-12-31")) {
            BasketInput extreme = new BasketInput(
                    "chips", "Chips", "USD", date, 0, Weighting.EQUAL, null, List.of(new Member("A", 0)), 0);
            assertThat(fields(extreme)).as(date).containsExactly("basket.base_date");
        }
        assertThat(BasketValidator.validate(
                                new BasketInput(
                                        "chips",
                                        "Chips",
                                        "USD",
                                        "1900-01-01",
                                        0,
                                        Weighting.EQUAL,
                                        null,
                                        List.of(new Member("A", 0)),
                                        0),
                                true,
                                MAX_MEMBERS,
                                CURRENCIES,
                                TODAY)
                        .baseDate())
                .isEqualTo(LocalDate.of(1900, 1, 1));
    }

    @Test
    void weightsMustSumToOneWithinOneBillionth() {
        assertThat(fields(input(Weighting.CUSTOM, List.of(new Member("A", 0.5), new Member("B", 0.5 + 2e-9)))))
                .containsExactly("basket.members[1].weight");
        assertThat(fields(input(
                        Weighting.CUSTOM, List.of(new Member("A", 0.5), new Member("B", 2.5), new Member("C", 0)))))
                .as("the member whose weight takes the sum past 1")
                .containsExactly("basket.members[1].weight");
        assertThat(BasketValidator.validate(
                                input(Weighting.CUSTOM, List.of(new Member("A", 0.5), new Member("B", 0.5 + 5e-10))),
                                true,
                                MAX_MEMBERS,
                                CURRENCIES,
                                TODAY)
                        .members())
                .hasSize(2);
    }

    @Test
    void namesDuplicateEmptyAndNegativeMembers() {
        assertThat(fields(input(Weighting.EQUAL, List.of(new Member("A", 0), new Member("a", 0)))))
                .containsExactly("basket.members[1].symbol");
        assertThat(fields(input(Weighting.EQUAL, List.of()))).containsExactly("basket.members");
        assertThat(fields(input(Weighting.CUSTOM, List.of(new Member("A", 1.5), new Member("B", -0.5)))))
                .containsExactly("basket.members[1].weight");
    }

    @Test
    void aMalformedSymbolIsNamedByItsMemberIndexBeforeAnyRegistryLookUp() {
        assertThat(fields(input(
                        Weighting.EQUAL,
                        List.of(new Member("NVDA", 0), new Member("../etc", 0), new Member("'; DROP TABLE x;--", 0)))))
                .containsExactly("basket.members[1].symbol", "basket.members[2].symbol");
        assertThat(fields(input(Weighting.EQUAL, List.of(new Member("A".repeat(100_000), 0)))))
                .containsExactly("basket.members[0].symbol");
    }

    @Test
    void aNameLongerThanTheLimitIsRefusedAndOneAtTheLimitIsKept() {
        assertThat(fields(named("n".repeat(BasketValidator.MAX_NAME + 1)))).containsExactly("basket.name");
        assertThat(BasketValidator.validate(
                                named("n".repeat(BasketValidator.MAX_NAME)), true, MAX_MEMBERS, CURRENCIES, TODAY)
                        .name())
                .hasSize(BasketValidator.MAX_NAME);
    }

    @Test
    void aNameWithNothingVisibleOrABidiControlIsRefused() {
        for (String name : List.of("\u200B\u200B", "\u0301\u0301", "\u00A0\u00A0", "Team\u202Eelgoog")) {
            assertThat(fields(named(name))).as(name).containsExactly("basket.name");
        }
    }

    private static BasketInput named(String name) {
        return new BasketInput(
                "chips", name, "USD", "2025-10-29", 0, Weighting.EQUAL, null, List.of(new Member("A", 0)), 0);
    }

    @Test
    void moreMembersThanConfiguredAreRefusedNamingTheLimit() {
        List<Member> four = List.of(new Member("A", 0), new Member("B", 0), new Member("C", 0), new Member("D", 0));
        InvalidRequestException refused = catchThrowableOfType(
                InvalidRequestException.class,
                () -> BasketValidator.validate(input(Weighting.EQUAL, four), true, MAX_MEMBERS, CURRENCIES, TODAY));

        assertThat(refused.violations())
                .containsExactly(
                        new FieldViolation("basket.members", "at most 3 members (capflow.basket.max-members), got 4"));
        assertThat(BasketValidator.validate(
                                input(Weighting.EQUAL, four.subList(0, 3)), true, MAX_MEMBERS, CURRENCIES, TODAY)
                        .members())
                .hasSize(3);
    }

    @Test
    void tooManyMembersAreRefusedBeforeAnyMemberIsRead() {
        // malformed symbols and weights would each be a violation if the members were read
        List<Member> many = java.util.stream.IntStream.range(0, 10)
                .mapToObj(i -> new Member("../" + i, 7))
                .toList();
        InvalidRequestException refused = catchThrowableOfType(
                InvalidRequestException.class,
                () -> BasketValidator.validate(input(Weighting.EQUAL, many), true, MAX_MEMBERS, CURRENCIES, TODAY));

        assertThat(refused.violations())
                .containsExactly(
                        new FieldViolation("basket.members", "at most 3 members (capflow.basket.max-members), got 10"));
    }

    @Test
    void anIdIsRequiredForAnUpdateOnly() {
        BasketInput noId = new BasketInput(
                "",
                "Chips",
                "USD",
                "2025-10-29",
                0,
                Weighting.EQUAL,
                Rebalance.MONTHLY,
                List.of(new Member("A", 0)),
                0);

        assertThat(BasketValidator.validate(noId, false, MAX_MEMBERS, CURRENCIES, TODAY)
                        .id())
                .isEmpty();
        assertThat(catchThrowableOfType(
                                InvalidRequestException.class,
                                () -> BasketValidator.validate(noId, true, MAX_MEMBERS, CURRENCIES, TODAY))
                        .violations())
                .extracting(FieldViolation::field)
                .containsExactly("basket.id");
    }

    @Test
    void engineFieldsAreSpelledAsInTheProto() {
        assertThat(BasketValidator.snakeCase("baseValue")).isEqualTo("base_value");
        assertThat(BasketValidator.snakeCase("members[2].symbol")).isEqualTo("members[2].symbol");
    }
}
