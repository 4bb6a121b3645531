package dev.capflow.devstack.token;

import dev.capflow.devstack.Arguments;
import dev.capflow.devstack.Subcommand;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** {@code keys DIR}: makes the local signing key pair in DIR once and prints the public key's path. */
public final class KeysCommand implements Subcommand {

    @Override
    public String name() {
        return "keys";
    }

    @Override
    public String usage() {
        return "keys DIR";
    }

    @Override
    public String summary() {
        return "make the token signing key pair in DIR unless it is there";
    }

    @Override
    public int run(List<String> args) throws Exception {
        Path dir = Path.of(Arguments.parse(args, 1, Set.of(), Set.of()).positional(0));
        if (LocalKeys.ensure(dir)) {
            System.err.println("made a new token signing key pair in " + dir);
        }
        System.out.println(dir.resolve(LocalKeys.PUBLIC_FILE).toAbsolutePath());
        return 0;
    }
}
