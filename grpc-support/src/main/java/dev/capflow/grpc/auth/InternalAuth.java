package dev.capflow.grpc.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * What a process needs for internal gRPC authentication, read once at start (no file is read on a request thread):
 * the {@link TokenVerifier} for incoming calls and this process's own identity token for outgoing calls made on
 * nobody's behalf.
 */
@ApplicationScoped
public class InternalAuth {

    private static final Logger LOG = Logger.getLogger(InternalAuth.class);

    private final GrpcAuthConfig config;
    private volatile TokenVerifier verifier;
    private volatile Optional<String> identity;

    public InternalAuth(GrpcAuthConfig config) {
        this.config = config;
    }

    void load(@Observes Startup startup) {
        verifier();
        serviceIdentity();
    }

    /** Checks incoming tokens. */
    public TokenVerifier verifier() {
        if (verifier == null) {
            TokenVerifier loaded = new TokenVerifier(
                    config.publicKey().or(() -> config.publicKeyLocation().map(InternalAuth::read)),
                    config.issuer(),
                    config.audiences());
            if (!loaded.hasKey()) {
                LOG.warn("no token verification key (MP_JWT_VERIFY_PUBLICKEY_LOCATION or MP_JWT_VERIFY_PUBLICKEY):"
                        + " every gRPC call but health is refused");
            }
            verifier = loaded;
        }
        return verifier;
    }

    /** This process's identity token, if it was given one. */
    public Optional<String> serviceIdentity() {
        if (identity == null) {
            identity = config.serviceToken()
                    .or(() -> config.serviceTokenLocation().map(path -> read(path.toString())))
                    .map(String::strip)
                    .filter(token -> !token.isEmpty());
        }
        return identity;
    }

    private static String read(String location) {
        try {
            return Files.readString(Path.of(location), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + location, e);
        }
    }
}
