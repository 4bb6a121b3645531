package dev.capflow.devstack.stack;

/** What a service is given besides its ports; {@link StackEnvironment} turns each need into environment variables. */
public enum Need {
    /** {@code QUARKUS_DATASOURCE_*} for the capflow database. */
    DB,
    /** {@code QUARKUS_REDIS_HOSTS}. */
    REDIS,
    /** A gRPC client to every service above it in the table ({@code QUARKUS_GRPC_CLIENTS_<NAME>_HOST/PORT}). */
    GRPC,
    /** The key to check bearer tokens with and the service's own identity token (see {@link Trust}). */
    JWT
}
