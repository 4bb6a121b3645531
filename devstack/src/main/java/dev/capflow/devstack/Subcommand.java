package dev.capflow.devstack;

import java.util.List;

/** One devstack subcommand: its name, its usage line and what it does. */
public interface Subcommand {

    /** The word that selects this command, for example {@code wait-http}. */
    String name();

    /** The command line, for example {@code wait-http URL TIMEOUT_SECONDS [--pid PID]}. */
    String usage();

    /** One line saying what the command does. */
    String summary();

    /** Runs the command with the arguments after its name and returns the exit status. */
    int run(List<String> args) throws Exception;
}
