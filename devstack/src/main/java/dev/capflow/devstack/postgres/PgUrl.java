package dev.capflow.devstack.postgres;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * A PostgreSQL location in the JDBC form {@code jdbc:postgresql://host[:port][/database][?params]};
 * the port defaults to 5432 and the database to {@code capflow}. Credentials never travel in it.
 */
public record PgUrl(String host, int port, String database, String query) {

    public static final int DEFAULT_PORT = 5432;
    public static final String DEFAULT_DATABASE = "capflow";
    private static final String PREFIX = "jdbc:postgresql://";
    private static final String FORM = "jdbc:postgresql://host:port/database";

    /** Parses and checks a JDBC URL; the message of a failure names what is wrong. */
    public static PgUrl parse(String text) {
        String url = text == null ? "" : text.trim();
        if (url.isEmpty()) {
            throw new IllegalArgumentException("PostgreSQL URL is empty; expected " + FORM);
        }
        if (!url.startsWith(PREFIX)) {
            String hint = url.startsWith("postgres")
                    ? " (the postgresql://user:pass@... form is not accepted: write " + FORM
                            + " and put the user and password in CAPFLOW_PG_USER and CAPFLOW_PG_PASSWORD)"
                    : "";
            throw new IllegalArgumentException(
                    "PostgreSQL URL '" + redact(url) + "' is not of the form " + FORM + hint);
        }
        URI uri;
        try {
            uri = new URI(url.substring("jdbc:".length()));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("PostgreSQL URL '" + redact(url) + "' is malformed: " + e.getReason());
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("PostgreSQL URL '" + redact(url)
                    + "' carries a user; put it in CAPFLOW_PG_USER and CAPFLOW_PG_PASSWORD instead");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException(
                    "PostgreSQL URL '" + url + "' has no host (one host only, as in " + FORM + ")");
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        String database = path.isEmpty() || path.equals("/") ? DEFAULT_DATABASE : path.substring(1);
        if (database.contains("/")) {
            throw new IllegalArgumentException(
                    "PostgreSQL URL '" + url + "' has a database name with '/': " + database);
        }
        return new PgUrl(uri.getHost(), uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort(), database, uri.getRawQuery());
    }

    /** The same server with another database, for example {@code postgres} for administration. */
    public PgUrl withDatabase(String otherDatabase) {
        return new PgUrl(host, port, otherDatabase, query);
    }

    /** The URL for JDBC clients (Flyway, plain JDBC). */
    public String jdbcUrl() {
        return "jdbc:" + reactiveUrl();
    }

    /** The URL for the Vert.x reactive client (Hibernate Reactive). */
    public String reactiveUrl() {
        return "postgresql://" + host + ":" + port + "/" + database + (query == null ? "" : "?" + query);
    }

    /** Hides a password written into a URL before the URL is shown. */
    static String redact(String url) {
        return url.replaceAll("//[^/@]*@", "//***@");
    }
}
