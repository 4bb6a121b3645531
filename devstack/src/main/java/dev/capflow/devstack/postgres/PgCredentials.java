package dev.capflow.devstack.postgres;

import java.util.Map;

/** The PostgreSQL user and password, read from the environment so they never appear on a command line. */
public record PgCredentials(String user, String password) {

    public static final String USER_VARIABLE = "CAPFLOW_PG_USER";
    public static final String PASSWORD_VARIABLE = "CAPFLOW_PG_PASSWORD";

    /** {@code CAPFLOW_PG_USER} (default {@code postgres}) and {@code CAPFLOW_PG_PASSWORD} (default empty). */
    public static PgCredentials from(Map<String, String> environment) {
        String user = environment.getOrDefault(USER_VARIABLE, "");
        return new PgCredentials(user.isBlank() ? "postgres" : user, environment.getOrDefault(PASSWORD_VARIABLE, ""));
    }

    @Override
    public String toString() {
        return "PgCredentials[user=" + user + ", password=***]";
    }
}
