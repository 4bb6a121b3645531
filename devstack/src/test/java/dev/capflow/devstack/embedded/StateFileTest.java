package dev.capflow.devstack.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateFileTest {

    @TempDir
    Path dir;

    @Test
    void writesKeyValueLinesAndReadsThemBackInOrder() throws Exception {
        StateFile state = new StateFile(dir.resolve("sub/datastores.env"));
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("POSTGRES_PORT", "5544");
        entries.put("POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5544/capflow?a=b");

        state.write(entries);

        assertThat(Files.readString(dir.resolve("sub/datastores.env")))
                .isEqualTo("POSTGRES_PORT=5544\nPOSTGRES_URL=jdbc:postgresql://127.0.0.1:5544/capflow?a=b\n");
        assertThat(state.read()).containsExactlyEntriesOf(entries);
        assertThat(dir.resolve("sub")).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void readsNothingFromAMissingFile() throws Exception {
        assertThat(new StateFile(dir.resolve("none.env")).read()).isEmpty();
    }

    @Test
    void refusesValuesThatWouldBreakTheLineFormat() {
        assertThatThrownBy(() -> new StateFile(dir.resolve("x.env")).write(Map.of("K", "a\nb")))
                .hasMessageContaining("state entry K");
    }
}
