package dev.capflow.devstack;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

import dev.capflow.devstack.demo.LoadDemoCommand;
import dev.capflow.devstack.embedded.DatastoresCommand;
import dev.capflow.devstack.http.WaitHttpCommand;
import dev.capflow.devstack.postgres.EnsureDbCommand;
import dev.capflow.devstack.postgres.PgUrlCommand;
import dev.capflow.devstack.postgres.ProbePostgresCommand;
import dev.capflow.devstack.redis.ProbeRedisCommand;
import dev.capflow.devstack.token.KeysCommand;
import dev.capflow.devstack.token.TokenCommand;

/** Entry point of the devstack jar: runs the subcommand named by the first argument. */
public final class DevStack {

    /** Exit status of a command that failed. */
    public static final int FAILED = 1;
    /** Exit status of a call with bad arguments. */
    public static final int USAGE = 2;

    private static final List<Subcommand> COMMANDS = List.of(
            new DatastoresCommand(),
            new PgUrlCommand(),
            new ProbePostgresCommand(),
            new EnsureDbCommand(),
            new ProbeRedisCommand(),
            new WaitHttpCommand(),
            new LoadDemoCommand(),
            new KeysCommand(),
            new TokenCommand());

    private DevStack() {
    }

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
        Optional<Subcommand> command = COMMANDS.stream().filter(c -> c.name().equals(args.get(0))).findFirst();
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
        out.println("usage: java -cp 'capflow-devstack.jar:lib/*' dev.capflow.devstack.DevStack COMMAND [ARGS]");
        out.println("commands:");
        for (Subcommand command : COMMANDS) {
            out.printf("  %-52s %s%n", command.usage(), command.summary());
        }
        out.println("PostgreSQL credentials come from CAPFLOW_PG_USER (default postgres) and CAPFLOW_PG_PASSWORD (default empty).");
    }
}
