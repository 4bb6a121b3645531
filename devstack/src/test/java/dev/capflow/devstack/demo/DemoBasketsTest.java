package dev.capflow.devstack.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class DemoBasketsTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void readsEachBasketAsItsRequestBody() {
        assertThat(DemoBaskets.parse("baskets.json", "[{\"id\":\"a\",\"name\":\"A\"},{\"id\":\"b\"}]", json))
                .extracting(basket -> basket.get("id").asText())
                .containsExactly("a", "b");
    }

    @Test
    void namesEveryBasketWithoutAnIdOrWithAnIdSeenBefore() {
        assertThatThrownBy(() -> DemoBaskets.parse(
                        "baskets.json", "[{\"name\":\"A\"},{\"id\":\"b\"},{\"id\":\"b\"},{\"id\":7}]", json))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("baskets.json [0].id: every demo basket needs its id\n"
                        + "baskets.json [2].id: b appears twice\n"
                        + "baskets.json [3].id: every demo basket needs its id");
    }

    @Test
    void refusesAnythingButAnArray() {
        assertThatThrownBy(() -> DemoBaskets.parse("baskets.json", "{\"id\":\"a\"}", json))
                .hasMessage("baskets.json: expected an array of baskets");
        assertThatThrownBy(() -> DemoBaskets.parse("baskets.json", "[{", json))
                .hasMessageStartingWith("baskets.json: not readable as JSON");
    }
}
