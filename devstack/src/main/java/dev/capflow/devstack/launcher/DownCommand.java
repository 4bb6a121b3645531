package dev.capflow.devstack.launcher;

import dev.capflow.devstack.Arguments;
import dev.capflow.devstack.Subcommand;
import dev.capflow.devstack.stack.OwnedProcess;
import dev.capflow.devstack.stack.ServiceSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code down}: stops what {@code up} started, the services in reverse start order and then the embedded
 * datastores (SIGTERM, SIGKILL after 35 s, or {@link ClassArchive#WRITING_TIME} more for a service writing its class
 * archive, which first gets the {@link ClassLinkingAgent}); never a process whose command line is not the one it
 * started.
 */
public final class DownCommand implements Subcommand {

    private static final Duration GRACE = Duration.ofSeconds(35);

    @Override
    public String name() {
        return "down";
    }

    @Override
    public String usage() {
        return "down";
    }

    @Override
    public String summary() {
        return "stop what up started: the services, then the embedded datastores (./capflow down)";
    }

    @Override
    public int run(List<String> args) throws Exception {
        Arguments.parse(args, 0, Set.of(), Set.of());
        StackLayout layout = StackLayout.current();
        try (LauncherLock lock = LauncherLock.take(layout)) {
            List<ServiceSpec> reversed =
                    new ArrayList<>(LocalServices.of(System.getenv()).specs());
            Collections.reverse(reversed);
            for (ServiceSpec spec : reversed) {
                Optional<OwnedProcess> running = UpCommand.running(layout, spec);
                if (running.isPresent()) {
                    if (writesItsClassArchive(running.get())) {
                        linkClasses(spec, running.get());
                    }
                    Duration grace = grace(running.get());
                    if (running.get().stop(grace)) {
                        System.err.println("capflow: " + spec.name() + " (pid "
                                + running.get().pid() + ") did not stop within " + grace.toSeconds() + " s; killed it");
                    }
                    System.out.println(
                            "stopped " + spec.name() + " (pid " + running.get().pid() + ")");
                } else {
                    System.out.println(spec.name() + ": not running");
                }
                Files.deleteIfExists(layout.pidFile(spec.name()));
                Files.deleteIfExists(layout.fingerprintFile(spec.name()));
            }
            new EmbeddedDatastoresProcess(layout).stop(GRACE);
        }
        return 0;
    }

    /** The time {@code service} gets to stop: longer when it writes its class archive as it exits. */
    static Duration grace(OwnedProcess service) {
        return writesItsClassArchive(service) ? GRACE.plus(ClassArchive.WRITING_TIME) : GRACE;
    }

    private static boolean writesItsClassArchive(OwnedProcess service) {
        return OwnedProcess.commandLine(service.pid())
                .filter(ClassArchive::writtenAtExitBy)
                .isPresent();
    }

    /** Has {@code service} link its application's classes, so that its class archive holds them too. */
    private static void linkClasses(ServiceSpec spec, OwnedProcess service) {
        Optional<Path> agent = ClassLinkingAgent.jar();
        if (agent.isEmpty()) {
            return;
        }
        try {
            ClassLinkingAgent.loadInto(service.pid(), agent.get());
        } catch (Exception | LinkageError e) {
            // no Attach API (a JRE) or attaching refused: the archive is written without those classes, as before
            System.err.println("capflow: " + spec.name()
                    + " writes its class archive without linking its classes first (" + e + ")");
        }
    }
}
