package dev.capflow.devstack.launcher;

import dev.capflow.devstack.Arguments;
import dev.capflow.devstack.Subcommand;
import dev.capflow.devstack.demo.LoadDemoCommand;
import dev.capflow.devstack.embedded.StateFile;
import dev.capflow.devstack.http.HealthProbe;
import dev.capflow.devstack.postgres.PgCredentials;
import dev.capflow.devstack.postgres.PostgresAdmin;
import dev.capflow.devstack.stack.Logs;
import dev.capflow.devstack.stack.OwnedProcess;
import dev.capflow.devstack.stack.ServiceProcess;
import dev.capflow.devstack.stack.ServiceSpec;
import dev.capflow.devstack.stack.ServiceTable;
import dev.capflow.devstack.stack.StackEnvironment;
import dev.capflow.devstack.stack.Trust;
import dev.capflow.devstack.token.DevTokens;
import dev.capflow.devstack.token.LocalKeys;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/**
 * {@code up}: makes the token keys and service identities, finds or starts PostgreSQL and Redis, creates the
 * database, starts every service of the {@link ServiceTable} detached (each one not already running), loads the
 * demo data and prints the dashboard URL. Running it again starts nothing twice.
 */
public final class UpCommand implements Subcommand {

    private static final Duration IDENTITY_TTL = Duration.ofDays(365);

    @Override
    public String name() {
        return "up";
    }

    @Override
    public String usage() {
        return "up";
    }

    @Override
    public String summary() {
        return "start PostgreSQL/Redis (or find them), every service and load demo/ (./capflow up)";
    }

    @Override
    public int run(List<String> args) throws Exception {
        Arguments.parse(args, 0, Set.of(), Set.of());
        StackLayout layout = StackLayout.current();
        Map<String, String> env = System.getenv();
        try (LauncherLock lock = LauncherLock.take(layout)) {
            Files.createDirectories(layout.run());
            Files.createDirectories(layout.logs());
            makeKeysAndIdentities(layout.keys());
            DatastoreChoice choice = DatastoreChoice.resolve(env, new EmbeddedDatastoresProcess(layout));
            System.out.println("PostgreSQL: " + choice.datastores().database().jdbcUrl() + " as "
                    + choice.datastores().user() + " (" + choice.postgresSource() + ")");
            System.out.println("Redis:      " + choice.record().get("REDIS_URL") + " (" + choice.redisSource() + ")");
            boolean created = new PostgresAdmin(new PgCredentials(
                            choice.datastores().user(), choice.datastores().password()))
                    .ensureDatabase(choice.datastores().database());
            if (created) {
                System.out.println(
                        "created database " + choice.datastores().database().database());
            }
            recordDatastores(layout, choice);
            LocalServices services = LocalServices.of(env);
            String gatewayUrl = services.gatewayUrl();
            StackEnvironment stack = localStack(layout, services, choice, env);
            Duration startTimeout = Duration.ofSeconds(startTimeoutSeconds(env));
            for (ServiceSpec spec : stack.services()) {
                startOrReuse(layout, stack, spec, startTimeout);
            }
            System.out.println("loading demo data ...");
            int demo = new LoadDemoCommand()
                    .run(List.of(
                            gatewayUrl.replaceAll("/$", ""),
                            layout.demo().toString(),
                            "--keys",
                            layout.keys().toString()));
            System.out.println();
            new StatusCommand().print(layout, services);
            System.out.println();
            System.out.println("capflow is up: " + gatewayUrl + " (the dashboard)");
            System.out.println("API tokens:      ./capflow token viewer|analyst|ingest|admin [--ttl 8h]");
            System.out.println("                 e.g. curl -H \"Authorization: Bearer $(./capflow token viewer)\" "
                    + gatewayUrl + "api/v1/baskets");
            if (demo != 0) {
                throw new LaunchException("some demo data was not loaded (see above)");
            }
        }
        return 0;
    }

    /** The platform of the table on the chosen datastores, trusting {@code .capflow/keys/}. */
    static StackEnvironment localStack(
            StackLayout layout, LocalServices services, DatastoreChoice choice, Map<String, String> env) {
        return new StackEnvironment(services.specs(), choice.datastores(), Trust.keyFiles(layout.keys()))
                // the local gateway lets anonymous callers read unless CAPFLOW_ANONYMOUS_READS=0
                .with(
                        "gateway",
                        Map.of(
                                "CAPFLOW_GATEWAY_SECURITY_ANONYMOUS_READS",
                                Boolean.toString(!"0".equals(env.get("CAPFLOW_ANONYMOUS_READS")))));
    }

    private static long startTimeoutSeconds(Map<String, String> env) throws Exception {
        return Arguments.nonNegative(env.getOrDefault("CAPFLOW_START_TIMEOUT", "120"), "CAPFLOW_START_TIMEOUT");
    }

    /**
     * The signing key pair, once, and each service's identity (role viewer, audience capflow-internal, a year long)
     * for the gRPC calls it makes on nobody's behalf; a token older than the keys is made again.
     */
    static void makeKeysAndIdentities(Path keys) throws Exception {
        if (LocalKeys.ensure(keys)) {
            System.out.println("made a new token signing key pair in .capflow/keys/");
        }
        for (ServiceSpec spec : ServiceTable.SERVICES) {
            Path token = keys.resolve(spec.name() + ".token");
            if (Files.exists(token)
                    && Files.size(token) > 0
                    && !Files.getLastModifiedTime(token)
                            .toInstant()
                            .isBefore(Files.getLastModifiedTime(keys.resolve(LocalKeys.PRIVATE_FILE))
                                    .toInstant())) {
                continue;
            }
            Path fresh = keys.resolve(spec.name() + ".token.new");
            Files.writeString(
                    fresh,
                    DevTokens.sign(
                                    LocalKeys.privateKey(keys),
                                    DevTokens.INTERNAL_AUDIENCE,
                                    spec.name(),
                                    "viewer",
                                    IDENTITY_TTL)
                            + "\n");
            Files.setPosixFilePermissions(fresh, PosixFilePermissions.fromString("rw-------"));
            Files.move(fresh, token, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /** Records, for status, which datastores the services get; kept while services started with another choice run. */
    private static void recordDatastores(StackLayout layout, DatastoreChoice choice) throws IOException {
        for (ServiceSpec spec : ServiceTable.SERVICES) {
            if (running(layout, spec).isPresent()) {
                return;
            }
        }
        new StateFile(layout.stackState()).write(choice.record());
    }

    /** The running process of {@code spec} that ./capflow started, if any. */
    static Optional<OwnedProcess> running(StackLayout layout, ServiceSpec spec) throws IOException {
        return OwnedProcess.fromPidFile(
                layout.pidFile(spec.name()), spec.jar(layout.root()).toString());
    }

    private static void startOrReuse(StackLayout layout, StackEnvironment stack, ServiceSpec spec, Duration timeout)
            throws IOException, InterruptedException, LaunchException {
        Map<String, String> env = stack.of(spec.name());
        String fingerprint = fingerprint(env);
        Optional<OwnedProcess> running = running(layout, spec);
        if (running.isPresent()) {
            awaitReady(layout, spec, running.get()::alive, timeout);
            System.out.println(
                    spec.name() + ": already running (pid " + running.get().pid() + ", port " + spec.httpPort() + ")");
            Path recorded = layout.fingerprintFile(spec.name());
            if (!Files.exists(recorded) || !Files.readString(recorded).trim().equals(fingerprint)) {
                System.err.println("capflow: " + spec.name() + " runs with other settings than this up would give it"
                        + " (datastores changed?); ./capflow down && ./capflow up applies them");
            }
            return;
        }
        for (int port : spec.servesGrpc() ? List.of(spec.httpPort(), spec.grpcPort()) : List.of(spec.httpPort())) {
            if (inUse(port)) {
                throw new LaunchException("port " + port + " is in use by a process ./capflow did not start;"
                        + " stop it or free the port for " + spec.name());
            }
        }
        Path log = layout.log(spec.name());
        if (Files.exists(log)) {
            Files.move(log, log.resolveSibling(spec.name() + ".log.1"), StandardCopyOption.REPLACE_EXISTING);
        }
        System.out.println("starting " + spec.name() + " on port " + spec.httpPort()
                + (spec.servesGrpc() ? " (gRPC " + spec.grpcPort() + ")" : "") + " ...");
        ServiceProcess process;
        try {
            List<String> archive = ClassArchive.of(layout, spec.name()).options(spec.jar(layout.root()));
            process = ServiceProcess.launch(layout.root(), spec, archive, env, log, true);
        } catch (IllegalStateException e) {
            throw new LaunchException(e.getMessage() + "; build with ./mvnw -B -ntp package -DskipTests");
        }
        Files.writeString(layout.pidFile(spec.name()), Long.toString(process.pid()));
        Files.writeString(layout.fingerprintFile(spec.name()), fingerprint);
        awaitReady(layout, spec, process::isAlive, timeout);
        System.out.println(spec.name() + ": ready (pid " + process.pid() + ")");
    }

    private static void awaitReady(StackLayout layout, ServiceSpec spec, BooleanSupplier alive, Duration timeout)
            throws InterruptedException, LaunchException {
        Optional<String> failure = HealthProbe.await(URI.create(spec.healthUrl()), timeout, alive);
        if (failure.isPresent()) {
            throw new LaunchException(spec.name() + " did not become ready on port " + spec.httpPort() + ": "
                    + failure.get() + " (log: .capflow/logs/" + spec.name() + ".log):\n"
                    + Logs.tail(layout.log(spec.name()), 30));
        }
    }

    /**
     * A hash of the environment tells whether a running service got the same settings, without writing the
     * password to disk.
     */
    static String fingerprint(Map<String, String> env) {
        StringBuilder lines = new StringBuilder();
        new TreeMap<>(env)
                .forEach((key, value) ->
                        lines.append(key).append('=').append(value).append('\n'));
        try {
            byte[] hash =
                    MessageDigest.getInstance("SHA-256").digest(lines.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash).substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean inUse(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException closed) {
            return false;
        }
    }
}
