package dev.capflow.devstack;

import dev.capflow.devstack.demo.LoadDemoCommand;
import dev.capflow.devstack.embedded.DatastoresCommand;
import dev.capflow.devstack.http.WaitHttpCommand;
import dev.capflow.devstack.launcher.DownCommand;
import dev.capflow.devstack.launcher.LaunchException;
import dev.capflow.devstack.launcher.RunServiceCommand;
import dev.capflow.devstack.launcher.StatusCommand;
import dev.capflow.devstack.launcher.UpCommand;
import dev.capflow.devstack.postgres.EnsureDbCommand;
import dev.capflow.devstack.postgres.PgUrlCommand;
import dev.capflow.devstack.postgres.ProbePostgresCommand;
import dev.capflow.devstack.redis.ProbeRedisCommand;
import dev.capflow.devstack.stack.JvmSettingsCommand;
import dev.capflow.devstack.token.KeysCommand;
import dev.capflow.devstack.token.TokenCommand;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

/** Entry point of the devstack jar: runs the subcommand named by the first argument. */
public final class DevStack {

    /** Exit status of a command that failed. */
    public static final int FAILED = 1;
    /** Exit status of a call with bad arguments. */
    public static final int USAGE = 2;

    private static final List<Subcommand> COMMANDS = List.of(
            new UpCommand(),
            new DownCommand(),
            new StatusCommand(),
            new RunServiceCommand(),
            new JvmSettingsCommand(),
            new DatastoresCommand(),
            new PgUrlCommand(),
            new ProbePostgresCommand(),
            new EnsureDbCommand(),
            new ProbeRedisCommand(),
            new WaitHttpCommand(),
            new LoadDemoCommand(),
            new KeysCommand(),
            new TokenCommand());

    private DevStack() {}

    public static void main(String[] args) {
        System.exit(run(List.of(args)));
    }

    /** Runs one command line and returns its exit status. */
    static int run(List<String> args) {
        if (args.isEmpty()) {
            printUsage(System.err);
            return USAGE;
        }
        if (List.of("help", "--help", "-h").contains(args.get(0))) {
            printUsage(System.out);
            return 0;
        }
        Optional<Subcommand> command =
                COMMANDS.stream().filter(c -> c.name().equals(args.get(0))).findFirst();
        if (command.isEmpty()) {
            System.err.println("devstack: unknown command '" + args.get(0) + "'");
            printUsage(System.err);
            return USAGE;
        }
        Subcommand subcommand = command.get();
        try {
            return subcommand.run(args.subList(1, args.size()));
        } catch (UsageException e) {
            System.err.println("devstack " + subcommand.name() + ": " + e.getMessage());
            System.err.println("usage: devstack " + subcommand.usage());
            return USAGE;
        } catch (LaunchException e) {
            System.err.println("capflow: " + e.getMessage());
            return FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.err.println("devstack " + subcommand.name() + ": interrupted");
            return FAILED;
        } catch (Exception e) {
            System.err.println("devstack " + subcommand.name() + ": " + Errors.describe(e));
            return FAILED;
        }
    }

    private static void printUsage(PrintStream out) {
        out.println(
                "usage: ./capflow up|down|status|run-service NAME --port PORT [KEY=VALUE ...]|token ROLE [--ttl 8h]|help");
        out.println("   or: java -cp 'capflow-devstack.jar:lib/*' dev.capflow.devstack.DevStack COMMAND [ARGS]");
        out.println("commands:");
        for (Subcommand command : COMMANDS) {
            out.printf("  %-52s %s%n", command.usage(), command.summary());
        }
        out.println("""
                environment:
                  CAPFLOW_PG_URL         PostgreSQL for up, as jdbc:postgresql://HOST[:PORT][/DB] (port 5432 and database
                                         capflow by default; the database is created if missing)
                  CAPFLOW_PG_USER        its user (default postgres); CAPFLOW_PG_PASSWORD its password (default empty)
                  CAPFLOW_REDIS_URL      Redis for up, as redis://HOST[:PORT] (redis://:PASSWORD@HOST:PORT/DB works too)
                  CAPFLOW_REDIS_CLUSTER  a Redis Cluster for up instead, its nodes as redis://H1:P1,redis://H2:P2,...
                                         (every service then uses the cluster client; this wins over the two below)
                  CAPFLOW_EMBEDDED=1     ignore the above and any local servers: always run embedded PostgreSQL and Redis
                  CAPFLOW_NO_BUILD=1     ./capflow up uses the jars as they are, even when sources are newer
                  CAPFLOW_PORT_OFFSET    added to every service port (default 0: the gateway on 8080), to run a second
                                         checkout's platform beside the first (give it CAPFLOW_EMBEDDED=1 too)
                  CAPFLOW_START_TIMEOUT  seconds to wait for each service to become ready (default 120)
                  CAPFLOW_ANONYMOUS_READS=0  the local gateway refuses reads without a token too
                  JAVA_HOME              the Java 17+ to use (default: java on PATH)
                Without CAPFLOW_PG_URL / CAPFLOW_REDIS_URL, up uses PostgreSQL on 127.0.0.1:5432 (if the user can log in)
                and Redis on 127.0.0.1:6379 (if it answers PING), else embedded ones on free ports, their data kept in
                .capflow/datastores/. Logs: .capflow/logs/. Pid files: .capflow/run/. Token signing keys: .capflow/keys/
                (made by the first up or token; delete them to make new ones). The services and their ports, needs and
                heaps: devstack/README.md.""");
    }
}
