package dev.capflow.testsupport;

import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Makes a Quarkus app under test trust {@link TestTokens#shared()}: sets {@code mp.jwt.verify.publickey}. A module
 * opts in by listing this class in {@code src/test/resources/META-INF/services/org.eclipse.microprofile.config.spi.ConfigSource}.
 */
public class TestTokensConfigSource implements ConfigSource {

    private static final String KEY = "mp.jwt.verify.publickey";

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(KEY);
    }

    @Override
    public String getValue(String propertyName) {
        return KEY.equals(propertyName) ? TestTokens.shared().publicKeyBase64() : null;
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of(KEY, TestTokens.shared().publicKeyBase64());
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
