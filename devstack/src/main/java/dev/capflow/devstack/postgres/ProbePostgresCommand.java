package dev.capflow.devstack.postgres;

import dev.capflow.devstack.Arguments;
import dev.capflow.devstack.Subcommand;
import java.util.List;
import java.util.Set;

/** {@code probe-postgres URL}: exits 0 when the server at URL accepts the configured user, else prints why. */
public final class ProbePostgresCommand implements Subcommand {

    @Override
    public String name() {
        return "probe-postgres";
    }

    @Override
    public String usage() {
        return "probe-postgres jdbc:postgresql://HOST[:PORT][/DB]";
    }

    @Override
    public String summary() {
        return "exit 0 when the user can log in there";
    }

    @Override
    public int run(List<String> args) throws Exception {
        PgUrl url = PgUrl.parse(Arguments.parse(args, 1, Set.of(), Set.of()).positional(0));
        new PostgresAdmin(PgCredentials.from(System.getenv())).checkLogin(url);
        return 0;
    }
}
