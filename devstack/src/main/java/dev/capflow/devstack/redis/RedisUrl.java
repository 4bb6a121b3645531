package dev.capflow.devstack.redis;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A Redis location {@code redis://[[user]:password@]host[:port][/db]} ({@code rediss://} for TLS), the
 * form Quarkus takes in {@code quarkus.redis.hosts}; the port defaults to 6379 and the database to 0.
 */
public record RedisUrl(boolean tls, String user, String password, String host, int port, int database) {

    public static final int DEFAULT_PORT = 6379;
    private static final String FORM = "redis://host:port";

    /** Parses and checks a Redis URL; the message of a failure names what is wrong. */
    public static RedisUrl parse(String text) {
        String url = text == null ? "" : text.trim();
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Redis URL '" + redact(url) + "' is malformed: " + e.getReason());
        }
        String scheme = uri.getScheme();
        if (!"redis".equals(scheme) && !"rediss".equals(scheme)) {
            throw new IllegalArgumentException("Redis URL '" + redact(url) + "' is not of the form " + FORM);
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("Redis URL '" + redact(url) + "' has no host; expected " + FORM);
        }
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = parts.length == 2 && !parts[0].isEmpty() ? decode(parts[0]) : null;
            password = decode(parts.length == 2 ? parts[1] : parts[0]);
        }
        return new RedisUrl(
                "rediss".equals(scheme),
                user,
                password,
                uri.getHost(),
                uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort(),
                database(uri, url));
    }

    private static int database(URI uri, String url) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        if (path.isEmpty() || path.equals("/")) {
            return 0;
        }
        try {
            int database = Integer.parseInt(path.substring(1));
            if (database >= 0) {
                return database;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(
                "Redis URL '" + redact(url) + "' names database '" + path.substring(1) + "'; expected a number >= 0");
    }

    private static String decode(String part) {
        return URLDecoder.decode(part, StandardCharsets.UTF_8);
    }

    /** host:port, for messages. */
    public String address() {
        return host + ":" + port;
    }

    /** Hides a password written into a URL before the URL is shown. */
    public static String redact(String url) {
        return url.replaceAll("//[^/@]*@", "//***@");
    }

    @Override
    public String toString() {
        return (tls ? "rediss" : "redis") + "://" + (password == null ? "" : "***@") + address() + "/" + database;
    }
}
