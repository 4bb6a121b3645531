package dev.capflow.devstack.postgres;

import dev.capflow.devstack.Arguments;
import dev.capflow.devstack.Subcommand;
import java.util.List;
import java.util.Set;

/** {@code ensure-db URL}: creates the URL's database (default {@code capflow}) when it does not exist. */
public final class EnsureDbCommand implements Subcommand {

    @Override
    public String name() {
        return "ensure-db";
    }

    @Override
    public String usage() {
        return "ensure-db jdbc:postgresql://HOST[:PORT][/DB]";
    }

    @Override
    public String summary() {
        return "CREATE DATABASE DB when it is missing";
    }

    @Override
    public int run(List<String> args) throws Exception {
        PgUrl url = PgUrl.parse(Arguments.parse(args, 1, Set.of(), Set.of()).positional(0));
        boolean created = new PostgresAdmin(PgCredentials.from(System.getenv())).ensureDatabase(url);
        System.out.println("database " + url.database() + " on " + url.host() + ":" + url.port()
                + (created ? ": created" : ": exists"));
        return 0;
    }
}
