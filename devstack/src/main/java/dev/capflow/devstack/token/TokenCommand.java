package dev.capflow.devstack.token;

import dev.capflow.devstack.Arguments;
import dev.capflow.devstack.Subcommand;
import dev.capflow.devstack.UsageException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * {@code token ROLE --keys DIR [--ttl 8h] [--subject NAME] [--audience AUD]}: prints a token signed by the key pair in
 * DIR, for the gateway (audience {@code capflow-gateway}, the default) or as a service identity
 * ({@code capflow-internal}, accepted by the gRPC services only).
 */
public final class TokenCommand implements Subcommand {

    private static final Duration DEFAULT_TTL = Duration.ofHours(8);

    @Override
    public String name() {
        return "token";
    }

    @Override
    public String usage() {
        return "token ROLE --keys DIR [--ttl 8h] [--subject NAME] [--audience capflow-gateway|capflow-internal]";
    }

    @Override
    public String summary() {
        return "print a gateway token for ROLE (viewer, analyst, ingest, admin)";
    }

    @Override
    public int run(List<String> args) throws Exception {
        Arguments arguments = Arguments.parse(args, 1, Set.of(), Set.of("--keys", "--ttl", "--subject", "--audience"));
        String role = arguments.positional(0);
        if (!DevTokens.ROLES.contains(role)) {
            throw new UsageException("ROLE must be one of viewer, analyst, ingest, admin, not '" + role + "'");
        }
        Path keys = Path.of(arguments.option("--keys").orElseThrow(() -> new UsageException("--keys is required")));
        Duration ttl = arguments.option("--ttl").isPresent()
                ? DevTokens.parseTtl(arguments.option("--ttl").get())
                : DEFAULT_TTL;
        String subject = arguments.option("--subject").orElse("local-" + role);
        String audience = arguments.option("--audience").orElse(DevTokens.GATEWAY_AUDIENCE);
        if (!DevTokens.AUDIENCES.contains(audience)) {
            throw new UsageException("--audience must be capflow-gateway or capflow-internal, not '" + audience + "'");
        }
        LocalKeys.ensure(keys);
        System.out.println(DevTokens.sign(LocalKeys.privateKey(keys), audience, subject, role, ttl));
        return 0;
    }
}
