package dev.capflow.testsupport;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Makes a Quarkus app under test trust {@link TestTokens#shared()} ({@code mp.jwt.verify.publickey}, which the gateway
 * and the gRPC services check tokens with) and gives it an {@code admin} service identity
 * ({@code capflow.grpc.auth.service-token}): every gRPC call the app or its test makes through a {@code @GrpcClient}
 * carries that token unless the call sets its own, so tests that are not about authentication need no token
 * plumbing. A module opts in by listing this class in
 * {@code src/test/resources/META-INF/services/org.eclipse.microprofile.config.spi.ConfigSource}.
 */
public class TestTokensConfigSource implements ConfigSource {

    private static final String PUBLIC_KEY = "mp.jwt.verify.publickey";
    private static final String SERVICE_TOKEN = "capflow.grpc.auth.service-token";
    /** Longer than any test run; the token is signed once per JVM. */
    private static final Duration SERVICE_TOKEN_TTL = Duration.ofDays(1);

    private static volatile Map<String, String> properties;

    @Override
    public Set<String> getPropertyNames() {
        return properties().keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return properties().get(propertyName);
    }

    @Override
    public Map<String, String> getProperties() {
        return properties();
    }

    private static Map<String, String> properties() {
        if (properties == null) {
            TestTokens tokens = TestTokens.shared();
            properties = Map.of(
                    PUBLIC_KEY,
                    tokens.publicKeyBase64(),
                    SERVICE_TOKEN,
                    tokens.serviceToken("test-service", "admin", SERVICE_TOKEN_TTL));
        }
        return properties;
    }

    @Override
    public String getName() {
        return "capflow-test-tokens";
    }

    @Override
    public int getOrdinal() {
        // above application.properties (250), below system properties and the environment
        return 270;
    }
}
