package dev.capflow.gateway.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlainQueryTest {

    private static final Set<String> PARAMETERS = Set.of("a", "b", "from", "to", "returnType");

    @Test
    void aQueryOfUnreservedCharactersIsReadParameterByParameter() {
        assertThat(BasketAnswerRoute.plainQuery("a=team-google&b=team.openai_2~x&from=2025-10-29&to=T:1", PARAMETERS))
                .isEqualTo(Map.of("a", "team-google", "b", "team.openai_2~x", "from", "2025-10-29", "to", "T:1"));
        assertThat(BasketAnswerRoute.plainQuery("", PARAMETERS)).isEmpty();
        assertThat(BasketAnswerRoute.plainQuery(null, PARAMETERS)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "a=team%2Dgoogle",
                "a=team+google",
                "a=team google",
                "a=x&b=y/z",
                "a=x;b=y",
                "a=x&b=\u00e9",
                "a=x#",
                "a=x&a=y",
                "c=x",
                "a=",
                "=x",
                "a=x=y",
                "a=x&&b=y"
            })
    void anythingElseIsLeftToTheRestRoute(String rawQuery) {
        assertThat(BasketAnswerRoute.plainQuery(rawQuery, PARAMETERS)).isNull();
    }
}
