package dev.capflow.devstack.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capflow.devstack.UsageException;
import dev.capflow.testsupport.ProjectRoot;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@code jvm-settings} prints: the settings ./capflow starts the service with, environment first. */
class JvmSettingsCommandTest {

    @Test
    void printsTheServicesEnvironmentThenTheOptionsItIsStartedWith() throws Exception {
        List<String> lines = JvmSettingsCommand.lines(ProjectRoot.path(), "ingest-service");
        JvmSettings settings = JvmSettings.of(ProjectRoot.path(), "ingest-service");

        List<String> environment =
                lines.stream().filter(line -> !line.startsWith("-")).toList();
        List<String> options =
                lines.stream().filter(line -> line.startsWith("-")).toList();
        assertThat(environment)
                .contains("MALLOC_ARENA_MAX=2")
                .hasSize(settings.environment().size());
        assertThat(options).isEqualTo(settings.options()).contains("-XX:+UseSerialGC", "-Xmx384m");
        assertThat(lines.subList(0, environment.size())).isEqualTo(environment);
    }

    @Test
    void anUnknownServiceIsAUsageErrorNamingTheKnownOnes() {
        assertThatThrownBy(() -> JvmSettingsCommand.lines(ProjectRoot.path(), "ingest"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("no service 'ingest'")
                .hasMessageContaining("ingest-service");
    }
}
