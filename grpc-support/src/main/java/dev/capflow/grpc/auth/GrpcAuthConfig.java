package dev.capflow.grpc.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * Bearer tokens on internal gRPC ({@code capflow.grpc.auth.*}): the key, issuer and audiences a service checks
 * incoming tokens with, and the service's own identity for calls it makes on nobody's behalf. The key and issuer
 * default to the gateway's {@code mp.jwt.verify.*} settings (see this jar's {@code microprofile-config.properties}),
 * so {@code MP_JWT_VERIFY_PUBLICKEY_LOCATION} configures the services and the gateway alike.
 */
@ConfigMapping(prefix = "capflow.grpc.auth")
public interface GrpcAuthConfig {

    /** The audience of service identity tokens: accepted by the services, refused by the public gateway. */
    String INTERNAL_AUDIENCE = "capflow-internal";

    /** The PEM (or base64 DER) public key tokens are signed for. Without a key no token is accepted. */
    Optional<String> publicKey();

    /** A PEM file holding the public key, e.g. a mounted Secret; used when {@link #publicKey()} is not set. */
    Optional<String> publicKeyLocation();

    /** The {@code iss} every token must carry. */
    @WithDefault("capflow")
    String issuer();

    /** A token is accepted when its {@code aud} holds one of these: relayed gateway tokens and service identities. */
    @WithDefault("capflow-gateway," + INTERNAL_AUDIENCE)
    Set<String> audiences();

    /** This process's own identity token, sent on calls made on nobody's behalf (background work, anonymous reads). */
    Optional<String> serviceToken();

    /** A file holding the identity token (e.g. a mounted Secret); used when {@link #serviceToken()} is not set. */
    Optional<Path> serviceTokenLocation();
}
