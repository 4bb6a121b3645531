package dev.capflow.devstack.launcher;

import dev.capflow.devstack.DevStack;
import dev.capflow.devstack.embedded.DatastoresCommand;
import dev.capflow.devstack.embedded.StateFile;
import dev.capflow.devstack.stack.Logs;
import dev.capflow.devstack.stack.OwnedProcess;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code datastores} command run as a detached process of its own, holding embedded PostgreSQL and/or Redis
 * until {@code down}; its state file says where they listen.
 */
final class EmbeddedDatastoresProcess {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final String COMMAND_LINE = DevStack.class.getName() + " datastores";

    private final StackLayout layout;

    EmbeddedDatastoresProcess(StackLayout layout) {
        this.layout = layout;
    }

    StateFile stateFile() {
        return new StateFile(layout.datastores().resolve(DatastoresCommand.STATE_FILE));
    }

    Optional<OwnedProcess> running() throws IOException {
        return OwnedProcess.fromPidFile(layout.pidFile("datastores"), COMMAND_LINE);
    }

    /** The state of the running embedded datastores, starting them (with PostgreSQL and/or Redis) when none run. */
    Map<String, String> ensure(boolean postgres, boolean redis)
            throws IOException, InterruptedException, LaunchException {
        Optional<OwnedProcess> running = running();
        if (running.isPresent()) {
            Map<String, String> state = stateFile().read();
            if (postgres && !state.containsKey("POSTGRES_URL") || redis && !state.containsKey("REDIS_URL")) {
                throw new LaunchException(
                        "the running embedded datastores (pid " + running.get().pid() + ") lack "
                                + (postgres && !state.containsKey("POSTGRES_URL") ? "postgres" : "redis")
                                + "; run ./capflow down first");
            }
            System.out.println(
                    "embedded datastores: already running (pid " + running.get().pid() + ")");
            return state;
        }
        stopOrphans();
        System.out.println(
                "starting embedded " + (postgres && redis ? "postgres and redis" : postgres ? "postgres" : "redis")
                        + " (first start unpacks binaries) ...");
        List<String> command = new ArrayList<>(List.of(
                "setsid",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                DevStack.class.getName(),
                "datastores",
                "--dir",
                layout.datastores().toString()));
        if (postgres) {
            command.add("--postgres");
        }
        if (redis) {
            command.add("--redis");
        }
        Path log = layout.log("datastores");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        Files.writeString(layout.pidFile("datastores"), Long.toString(process.pid()));
        // the monotonic clock, as OwnedProcess.stop: a wall clock set forward would cut the wait short
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            Map<String, String> state = stateFile().read();
            if (Long.toString(process.pid()).equals(state.get("DATASTORES_PID"))) {
                return state;
            }
            if (!process.isAlive() || System.nanoTime() - deadline > 0) {
                throw new LaunchException("embedded datastores "
                        + (process.isAlive() ? "not up after " + START_TIMEOUT.toSeconds() + " s" : "failed to start")
                        + " (log: .capflow/logs/datastores.log):\n" + Logs.tail(log, 20));
            }
            Thread.sleep(250);
        }
    }

    /** Stops the launcher process (which stops its servers), then any server whose launcher died before it could. */
    void stop(Duration grace) throws IOException, InterruptedException {
        Optional<OwnedProcess> running = running();
        if (running.isPresent()) {
            running.get().stop(grace);
            System.out.println(
                    "stopped embedded datastores (pid " + running.get().pid() + ")");
        }
        stopOrphans();
        Files.deleteIfExists(layout.pidFile("datastores"));
    }

    /** A server of the state file still running without its launcher (the launcher was killed). */
    Optional<OwnedProcess> orphan(String pidKey) throws IOException {
        String commandLinePart = pidKey.startsWith("POSTGRES")
                ? layout.datastores().resolve("postgres/data").toString()
                : layout.datastores().resolve("redis/redis-server").toString();
        return OwnedProcess.parsePid(stateFile().read().get(pidKey))
                .flatMap(pid -> OwnedProcess.find(pid, commandLinePart));
    }

    private void stopOrphans() throws IOException, InterruptedException {
        for (String key : List.of("POSTGRES_PID", "REDIS_PID")) {
            Optional<OwnedProcess> orphan = orphan(key);
            if (orphan.isPresent()) {
                orphan.get().stop(Duration.ofSeconds(35));
                System.out.println(
                        "stopped orphaned embedded " + key.replace("_PID", "").toLowerCase() + " (pid "
                                + orphan.get().pid() + ")");
            }
        }
    }
}
