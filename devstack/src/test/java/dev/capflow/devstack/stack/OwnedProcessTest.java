package dev.capflow.devstack.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real {@code sleep} processes stand in for services. */
class OwnedProcessTest {

    @TempDir
    Path dir;

    private final List<Process> started = new ArrayList<>();

    private Process sleep(String seconds) throws Exception {
        Process process = new ProcessBuilder("sleep", seconds).start();
        started.add(process);
        return process;
    }

    @AfterEach
    void killLeftovers() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void aLiveProcessWithTheExpectedCommandLineIsOurs() throws Exception {
        Process sleep = sleep("601");
        Path pidFile = dir.resolve("sleep.pid");
        Files.writeString(pidFile, sleep.pid() + "\n");

        assertThat(OwnedProcess.fromPidFile(pidFile, "sleep 601")).contains(new OwnedProcess(sleep.pid(), "sleep 601"));
        assertThat(OwnedProcess.fromPidFile(pidFile, "quarkus-run.jar"))
                .as("another program under that pid")
                .isEmpty();
    }

    @Test
    void noPidFileAGarbledOneOrADeadPidIsNotOurs() throws Exception {
        assertThat(OwnedProcess.fromPidFile(dir.resolve("missing.pid"), "sleep"))
                .isEmpty();
        Files.writeString(dir.resolve("garbled.pid"), "12ab");
        assertThat(OwnedProcess.fromPidFile(dir.resolve("garbled.pid"), "sleep"))
                .isEmpty();
        Process sleep = sleep("602");
        long pid = sleep.pid();
        sleep.destroyForcibly().waitFor();
        assertThat(OwnedProcess.find(pid, "sleep 602")).isEmpty();
    }

    @Test
    void stopEndsItsOwnProcessWithSigterm() throws Exception {
        Process sleep = sleep("603");
        OwnedProcess owned = OwnedProcess.find(sleep.pid(), "sleep 603").orElseThrow();

        assertThat(owned.stop(Duration.ofSeconds(30)))
                .as("killed rather than terminated")
                .isFalse();
        assertThat(sleep.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(sleep.exitValue()).as("the exit status of SIGTERM").isEqualTo(128 + 15);
        assertThat(owned.alive()).isFalse();
    }

    @Test
    void stopLeavesAProcessAloneWhoseCommandLineIsNotTheOneItStarted() throws Exception {
        Process sleep = sleep("604");
        OwnedProcess reusedPid = new OwnedProcess(sleep.pid(), "quarkus-run.jar");

        assertThat(reusedPid.stop(Duration.ofSeconds(1))).isFalse();
        assertThat(sleep.waitFor(1, TimeUnit.SECONDS)).as("still running").isFalse();
        assertThat(sleep.isAlive()).isTrue();
    }
}
