package dev.capflow.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResourceIdsTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "team-google",
                "a",
                "0",
                "9-",
                "x--y",
                "abcdefghijklmnopqrstuvwxyz0123456789-abcdefghijklmnopqrstuvwxyz0" // 64 characters
            })
    void aLowerCaseSlugOfAtMost64CharactersIsWellFormed(String id) {
        assertThat(ResourceIds.isWellFormed(id)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "-team",
                "Team-google",
                "team_google",
                "team.google",
                "team google",
                "team/google",
                "tEam",
                "caf\u00e9",
                "\u0430bc", // a Cyrillic a
                "\uff41bc", // a full-width a
                "abcdefghijklmnopqrstuvwxyz0123456789-abcdefghijklmnopqrstuvwxyz01" // 65 characters
            })
    void anythingElseIsNot(String id) {
        assertThat(ResourceIds.isWellFormed(id)).isFalse();
    }
}
