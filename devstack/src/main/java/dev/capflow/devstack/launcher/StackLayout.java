package dev.capflow.devstack.launcher;

import java.nio.file.Path;

/**
 * Where {@code ./capflow} keeps its state, under {@code .capflow/} of the checkout: pid files and fingerprints
 * ({@code run/}), logs, the embedded datastores' data and the token signing keys.
 */
public record StackLayout(Path root) {

    /** The checkout the launcher runs in: system property {@code capflow.root}, else the working directory. */
    public static StackLayout current() {
        String root = System.getProperty("capflow.root");
        return new StackLayout(
                Path.of(root != null ? root : "").toAbsolutePath().normalize());
    }

    public Path state() {
        return root.resolve(".capflow");
    }

    public Path run() {
        return state().resolve("run");
    }

    public Path logs() {
        return state().resolve("logs");
    }

    public Path keys() {
        return state().resolve("keys");
    }

    public Path datastores() {
        return state().resolve("datastores");
    }

    /** Which datastores the running services were given, for {@code status}. */
    public Path stackState() {
        return run().resolve("stack.env");
    }

    public Path pidFile(String component) {
        return run().resolve(component + ".pid");
    }

    /** A hash of the environment a running service was started with. */
    public Path fingerprintFile(String service) {
        return run().resolve(service + ".env.sha");
    }

    public Path log(String component) {
        return logs().resolve(component + ".log");
    }

    public Path demo() {
        return root.resolve("demo");
    }
}
