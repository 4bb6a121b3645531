package dev.capflow.devstack.embedded;

import dev.capflow.devstack.Arguments;
import dev.capflow.devstack.Errors;
import dev.capflow.devstack.Subcommand;
import dev.capflow.devstack.UsageException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * {@code datastores --dir D [--postgres] [--redis]}: starts embedded PostgreSQL and Redis (both when
 * neither flag is given) on free ports, writes their URLs and pids to {@code D/datastores.env}, and keeps
 * them running until the process gets SIGTERM or SIGINT, when it stops both cleanly.
 */
public final class DatastoresCommand implements Subcommand {

    /** The state file inside the --dir directory. */
    public static final String STATE_FILE = "datastores.env";

    @Override
    public String name() {
        return "datastores";
    }

    @Override
    public String usage() {
        return "datastores --dir DIR [--postgres] [--redis]";
    }

    @Override
    public String summary() {
        return "run embedded PostgreSQL/Redis until SIGTERM; state in DIR/" + STATE_FILE;
    }

    @Override
    public int run(List<String> args) throws Exception {
        Arguments arguments = Arguments.parse(args, 0, Set.of("--postgres", "--redis"), Set.of("--dir"));
        Path dir = Path.of(arguments.option("--dir").orElseThrow(() -> new UsageException("--dir is required")))
                .toAbsolutePath();
        boolean both = !arguments.flag("--postgres") && !arguments.flag("--redis");
        StateFile stateFile = new StateFile(dir.resolve(STATE_FILE));
        // The previous state stays on disk after a stop, so a restart can keep the same ports.
        Map<String, String> previous = stateFile.read();

        EmbeddedDatastores datastores = EmbeddedDatastores.start(
                dir, both || arguments.flag("--postgres"), both || arguments.flag("--redis"), previous);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(datastores, stopped), "datastores-shutdown"));
        stateFile.write(datastores.state(ProcessHandle.current().pid()));
        System.out.print(datastores.describe());
        System.out.println("state written to " + stateFile.path() + "; stop with SIGTERM");
        stopped.await();
        return 0;
    }

    private static void stop(EmbeddedDatastores datastores, CountDownLatch stopped) {
        System.out.println("stopping embedded datastores");
        try {
            datastores.close();
            System.out.println("embedded datastores stopped");
        } catch (Exception e) {
            System.err.println("stopping embedded datastores failed: " + Errors.describe(e));
        } finally {
            stopped.countDown();
        }
    }
}
