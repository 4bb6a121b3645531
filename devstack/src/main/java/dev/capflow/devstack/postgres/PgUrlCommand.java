package dev.capflow.devstack.postgres;

import dev.capflow.devstack.Arguments;
import dev.capflow.devstack.Subcommand;
import java.util.List;
import java.util.Set;

/** {@code pg-url URL}: checks a JDBC URL and prints the normalized JDBC and reactive URLs as KEY=VALUE lines. */
public final class PgUrlCommand implements Subcommand {

    @Override
    public String name() {
        return "pg-url";
    }

    @Override
    public String usage() {
        return "pg-url jdbc:postgresql://HOST[:PORT][/DB]";
    }

    @Override
    public String summary() {
        return "check the URL; print JDBC_URL=, REACTIVE_URL=, DATABASE=";
    }

    @Override
    public int run(List<String> args) throws Exception {
        PgUrl url = PgUrl.parse(Arguments.parse(args, 1, Set.of(), Set.of()).positional(0));
        System.out.println("JDBC_URL=" + url.jdbcUrl());
        System.out.println("REACTIVE_URL=" + url.reactiveUrl());
        System.out.println("DATABASE=" + url.database());
        return 0;
    }
}
