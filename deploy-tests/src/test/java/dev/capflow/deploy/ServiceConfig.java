package dev.capflow.deploy;

import dev.capflow.testsupport.ProjectRoot;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * A service's configuration as its prod profile sees it in a pod: application.properties (keys without a
 * profile, then {@code %prod.}), overridden by the environment variables the Deployment gives it.
 */
final class ServiceConfig {

    private final Map<String, String> properties;
    private final Map<String, String> environment;

    private ServiceConfig(Map<String, String> properties, Map<String, String> environment) {
        this.properties = properties;
        this.environment = environment;
    }

    /** The defaults every service takes from grpc-support's jar, under its own application.properties. */
    private static final Path GRPC_SUPPORT_DEFAULTS =
            Path.of("grpc-support/src/main/resources/META-INF/microprofile-config.properties");

    /**
     * {@code <module>/src/main/resources/application.properties} over grpc-support's defaults, under the environment
     * {@code environment}.
     */
    static ServiceConfig of(String module, Map<String, String> environment) {
        Properties raw = read(GRPC_SUPPORT_DEFAULTS);
        raw.putAll(read(Path.of(module, "src/main/resources/application.properties")));
        Map<String, String> prod = new HashMap<>();
        raw.stringPropertyNames().stream()
                .filter(key -> !key.startsWith("%"))
                .forEach(key -> prod.put(key, raw.getProperty(key)));
        raw.stringPropertyNames().stream()
                .filter(key -> key.startsWith("%prod."))
                .forEach(key -> prod.put(key.substring("%prod.".length()), raw.getProperty(key)));
        return new ServiceConfig(prod, environment);
    }

    private static Properties read(Path relative) {
        Path file = ProjectRoot.path().resolve(relative);
        Properties raw = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            raw.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return raw;
    }

    /** The value of {@code key}: its environment variable (QUARKUS_SHUTDOWN_TIMEOUT for quarkus.shutdown.timeout) first. */
    Optional<String> value(String key) {
        String fromEnvironment = environment.get(envName(key));
        return Optional.ofNullable(fromEnvironment != null ? fromEnvironment : properties.get(key));
    }

    /**
     * The configured keys that end with {@code suffix} (e.g. every client's re-resolve interval): property keys, and
     * environment variable names for settings that only the environment gives ({@link #value} reads either).
     */
    List<String> keysEndingWith(String suffix) {
        Set<String> keys = new TreeSet<>();
        properties.keySet().stream().filter(key -> key.endsWith(suffix)).forEach(keys::add);
        environment.keySet().stream()
                .filter(name -> name.endsWith(envName(suffix)))
                .filter(name -> keys.stream().noneMatch(key -> envName(key).equals(name)))
                .forEach(keys::add);
        return List.copyOf(keys);
    }

    Optional<Duration> duration(String key) {
        return value(key).map(ServiceConfig::parseDuration);
    }

    /** The environment variable name SmallRye Config maps to {@code key}. */
    static String envName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /** A Quarkus duration: ISO-8601 ({@code PT30S}), a number of seconds, or a number with ms, s, m, h or d. */
    static Duration parseDuration(String text) {
        String value = text.trim();
        if (value.startsWith("P") || value.startsWith("p")) {
            return Duration.parse(value);
        }
        if (value.matches("\\d+")) {
            return Duration.ofSeconds(Long.parseLong(value));
        }
        if (value.matches("\\d+ms")) {
            return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
        }
        if (value.matches("\\d+[dD]")) {
            return Duration.ofDays(Long.parseLong(value.substring(0, value.length() - 1)));
        }
        if (value.matches("\\d+[hHmMsS]")) {
            return Duration.parse("PT" + value.toUpperCase(Locale.ROOT));
        }
        throw new IllegalArgumentException("not a Quarkus duration: " + text);
    }
}
