package dev.capflow.devstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capflow.devstack.stack.OwnedProcess;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DownCommandTest {

    @Test
    void aServiceWritingItsClassArchiveAtExitGetsLongerToStopThanOneThatDoesNot() throws Exception {
        assertThat(graceOf("-XX:SharedArchiveFile=/x/ingest-service.jsa")).isEqualTo(Duration.ofSeconds(35));
        assertThat(graceOf("-XX:ArchiveClassesAtExit=/x/ingest-service.jsa"))
                .as("the archive is written after the service's own shutdown, and a killed JVM writes none")
                .isEqualTo(Duration.ofSeconds(125));
    }

    /** The grace of a real process whose command line carries {@code option} (a shell that stays, not exec'd away). */
    private static Duration graceOf(String option) throws Exception {
        Process process = new ProcessBuilder("sh", "-c", "sleep 30; exit 0", option).start();
        try {
            return DownCommand.grace(new OwnedProcess(process.pid(), option));
        } finally {
            process.destroyForcibly().waitFor();
        }
    }
}
