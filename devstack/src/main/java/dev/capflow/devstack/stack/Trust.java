package dev.capflow.devstack.stack;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * What {@link Need#JWT} gives a service: the public key its bearer-token checks use and its own identity token for
 * the calls it makes on nobody's behalf, as files ({@code ./capflow}) or inline values (tests).
 */
@FunctionalInterface
public interface Trust {

    /** The environment variables of {@code service}'s token settings. */
    Map<String, String> env(String service);

    /** The key pair directory of {@code ./capflow}: {@code public.pem} and one {@code NAME.token} per service. */
    static Trust keyFiles(Path keys) {
        return service -> Map.of(
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", keys.resolve("public.pem").toString(),
                "CAPFLOW_GRPC_AUTH_SERVICE_TOKEN_LOCATION",
                        keys.resolve(service + ".token").toString());
    }

    /** A public key PEM and each service's identity token given inline. */
    static Trust inline(String publicKeyPem, Function<String, String> identityToken) {
        return service -> Map.of(
                "MP_JWT_VERIFY_PUBLICKEY",
                publicKeyPem,
                "CAPFLOW_GRPC_AUTH_SERVICE_TOKEN",
                identityToken.apply(service));
    }
}
