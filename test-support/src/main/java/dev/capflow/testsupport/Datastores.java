package dev.capflow.testsupport;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A real PostgreSQL database and Redis logical database for one test run: Testcontainers when
 * Docker answers, otherwise the local servers named by {@code CAPFLOW_TEST_PG_URL},
 * {@code CAPFLOW_TEST_PG_USER}, {@code CAPFLOW_TEST_PG_PASSWORD} and {@code CAPFLOW_TEST_REDIS_URL}
 * (defaults: 127.0.0.1:5432 as postgres, redis://127.0.0.1:6379). Each run gets a fresh,
 * uniquely named database that is dropped when the run ends.
 */
public final class Datastores implements AutoCloseable {

    /** Logical databases 1-15 can be claimed; database 0 holds the claim locks. */
    private static final int REDIS_DATABASES = 15;

    private final String pgHost;
    private final int pgPort;
    private final String database;
    private final String user;
    private final String password;
    private final String redisHost;
    private final int redisPort;
    private int redisDb;
    private final String adminJdbcUrl;
    private final AutoCloseable containers;

    private Datastores(String adminJdbcUrl, String user, String password, String redisUri, AutoCloseable containers) {
        URI pg = URI.create(adminJdbcUrl.substring("jdbc:".length()));
        URI redis = URI.create(redisUri);
        this.adminJdbcUrl = adminJdbcUrl;
        this.pgHost = pg.getHost();
        this.pgPort = pg.getPort() > 0 ? pg.getPort() : 5432;
        this.user = user;
        this.password = password;
        this.redisHost = redis.getHost();
        this.redisPort = redis.getPort() > 0 ? redis.getPort() : 6379;
        this.containers = containers;
        this.database =
                "capflow_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /**
     * Starts (or connects to) the datastores, creates a fresh database and claims a Redis logical
     * database for this run: {@code preferredRedisDb} when free, else the next free one of 1-15.
     */
    public static Datastores start(int preferredRedisDb) {
        Datastores stores = dockerAvailable() ? fromContainers() : fromEnvironment();
        stores.claimRedisDb(preferredRedisDb);
        stores.createDatabase();
        stores.flushRedis();
        return stores;
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    @SuppressWarnings("resource")
    private static Datastores fromContainers() {
        PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:16-alpine");
        GenericContainer<?> redis = new GenericContainer<>("redis:7-alpine").withExposedPorts(6379);
        postgres.start();
        redis.start();
        String adminUrl = "jdbc:postgresql://" + postgres.getHost() + ":" + postgres.getMappedPort(5432) + "/postgres";
        String redisUri = "redis://" + redis.getHost() + ":" + redis.getMappedPort(6379);
        return new Datastores(adminUrl, postgres.getUsername(), postgres.getPassword(), redisUri, () -> {
            redis.stop();
            postgres.stop();
        });
    }

    private static Datastores fromEnvironment() {
        return new Datastores(
                env("CAPFLOW_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres"),
                env("CAPFLOW_TEST_PG_USER", "postgres"),
                env("CAPFLOW_TEST_PG_PASSWORD", ""),
                env("CAPFLOW_TEST_REDIS_URL", "redis://127.0.0.1:6379"),
                () -> {});
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    public String pgHost() {
        return pgHost;
    }

    public int pgPort() {
        return pgPort;
    }

    public String database() {
        return database;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + pgHost + ":" + pgPort + "/" + database;
    }

    public String reactiveUrl() {
        return "postgresql://" + pgHost + ":" + pgPort + "/" + database;
    }

    public String redisHost() {
        return redisHost;
    }

    public int redisPort() {
        return redisPort;
    }

    public String redisUrl() {
        return "redis://" + redisHost + ":" + redisPort + "/" + redisDb;
    }

    /** Opens a plain JDBC connection to this run's database, for assertions on stored rows. */
    public Connection connect() throws SQLException {
        return connect(jdbcUrl(), user, password);
    }

    private void createDatabase() {
        try (Connection admin = connect(adminJdbcUrl, user, password);
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database on " + adminJdbcUrl, e);
        }
    }

    /** Reserves a Redis logical database with a lock key in database 0, so that concurrent runs never share keys. */
    private void claimRedisDb(int preferred) {
        for (int i = 0; i < REDIS_DATABASES; i++) {
            int candidate = 1 + Math.floorMod(preferred - 1 + i, REDIS_DATABASES);
            redisDb = 0;
            String reply = redisCommand("SET", lockKey(candidate), database, "NX", "EX", "7200");
            if (reply.equals("+OK\r\n+OK\r\n")) {
                redisDb = candidate;
                return;
            }
        }
        throw new IllegalStateException("Redis databases 1-" + REDIS_DATABASES + " are all claimed by other test runs");
    }

    private void releaseRedisDb() {
        int claimed = redisDb;
        redisDb = 0;
        redisCommand("DEL", lockKey(claimed));
    }

    private static String lockKey(int db) {
        return "capflow:test-lock:" + db;
    }

    private void flushRedis() {
        redisCommand("FLUSHDB");
    }

    /** Sends one command to this run's Redis database on a fresh connection and returns the raw RESP reply. */
    public String redisCommand(String... command) {
        try (Socket socket = new Socket(redisHost, redisPort)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(resp("SELECT", Integer.toString(redisDb)));
            out.write(resp(command));
            out.flush();
            // read the two replies, then close: a half-closed connection makes Redis drop a large reply unsent
            InputStream in = new BufferedInputStream(socket.getInputStream());
            ByteArrayOutputStream reply = new ByteArrayOutputStream();
            copyReply(in, reply);
            copyReply(in, reply);
            return reply.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach Redis at " + redisHost + ":" + redisPort, e);
        }
    }

    /** Copies one RESP reply (nested arrays included) from {@code in} to {@code out}. */
    private static void copyReply(InputStream in, ByteArrayOutputStream out) throws IOException {
        String header = copyLine(in, out);
        char type = header.charAt(0);
        if (type == '$' || type == '*') {
            long length = Long.parseLong(header.substring(1));
            if (type == '$' && length >= 0) {
                out.write(in.readNBytes((int) length + 2)); // the bulk string and its CRLF
            }
            for (long i = 0; type == '*' && i < length; i++) {
                copyReply(in, out);
            }
        }
    }

    /** Copies one CRLF-ended line and answers it without the CRLF. */
    private static String copyLine(InputStream in, ByteArrayOutputStream out) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int previous = -1;
        for (int b = in.read(); !(previous == '\r' && b == '\n'); b = in.read()) {
            if (b < 0) {
                throw new IOException("Redis closed the connection inside a reply");
            }
            line.write(b);
            previous = b;
        }
        line.write('\n');
        byte[] bytes = line.toByteArray();
        out.write(bytes);
        return new String(bytes, 0, bytes.length - 2, StandardCharsets.UTF_8);
    }

    private static byte[] resp(String... parts) {
        StringBuilder sb = new StringBuilder("*").append(parts.length).append("\r\n");
        for (String part : parts) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            sb.append('$').append(bytes.length).append("\r\n").append(part).append("\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws Exception {
        try (Connection admin = connect(adminJdbcUrl, user, password);
                Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } finally {
            try {
                releaseRedisDb();
            } finally {
                containers.close();
            }
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "postgres %s:%d/%s, redis %s", pgHost, pgPort, database, redisUrl());
    }

    /**
     * Connects through the PostgreSQL driver itself rather than DriverManager, which refuses a driver registered by
     * another class loader: a Quarkus test restarted under a second profile runs in a new one.
     */
    private static Connection connect(String url, String user, String password) throws SQLException {
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password == null ? "" : password);
        return new org.postgresql.Driver().connect(url, properties);
    }
}
