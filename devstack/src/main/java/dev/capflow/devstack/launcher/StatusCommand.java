package dev.capflow.devstack.launcher;

import dev.capflow.devstack.Arguments;
import dev.capflow.devstack.Subcommand;
import dev.capflow.devstack.embedded.StateFile;
import dev.capflow.devstack.http.HealthProbe;
import dev.capflow.devstack.postgres.PgCredentials;
import dev.capflow.devstack.stack.OwnedProcess;
import dev.capflow.devstack.stack.ServiceSpec;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code status}: each datastore and service: running or not, pid, HTTP port, gRPC port, health. */
public final class StatusCommand implements Subcommand {

    private static final String FORMAT = "%-16s %-8s %-8s %-7s %-6s %s%n";
    private static final Pattern PORT = Pattern.compile("//([^/@]*@)?(\\[[^\\]]*\\]|[^/:?]*)(:([0-9]+))?");

    @Override
    public String name() {
        return "status";
    }

    @Override
    public String usage() {
        return "status";
    }

    @Override
    public String summary() {
        return "each component: running or not, pid, HTTP port, gRPC port, health (./capflow status)";
    }

    @Override
    public int run(List<String> args) throws Exception {
        Arguments.parse(args, 0, Set.of(), Set.of());
        print(StackLayout.current(), LocalServices.of(System.getenv()));
        return 0;
    }

    void print(StackLayout layout, LocalServices services) throws IOException, InterruptedException {
        System.out.printf(FORMAT, "COMPONENT", "STATE", "PID", "PORT", "GRPC", "HEALTH");
        Map<String, String> stack = new StateFile(layout.stackState()).read();
        EmbeddedDatastoresProcess embedded = new EmbeddedDatastoresProcess(layout);
        datastore(stack, embedded, "postgres");
        datastore(stack, embedded, "redis");
        for (ServiceSpec spec : services.specs()) {
            String grpc = spec.servesGrpc() ? Integer.toString(spec.grpcPort()) : "-";
            Optional<OwnedProcess> running = UpCommand.running(layout, spec);
            if (running.isEmpty()) {
                System.out.printf(FORMAT, spec.name(), "stopped", "-", spec.httpPort(), grpc, "-");
                continue;
            }
            String health = HealthProbe.ask(URI.create(spec.healthUrl())).orElse("ready");
            System.out.printf(FORMAT, spec.name(), "running", running.get().pid(), spec.httpPort(), grpc, health);
        }
    }

    private static void datastore(Map<String, String> stack, EmbeddedDatastoresProcess embedded, String name)
            throws IOException {
        String key = name.toUpperCase();
        String source = stack.get(key + "_SOURCE");
        String url = stack.get(key + "_URL");
        if (source == null || url == null) {
            System.out.printf(FORMAT, name, "unknown", "-", "-", "-", "-  (./capflow up has not chosen one yet)");
            return;
        }
        Matcher port = PORT.matcher(url);
        String shownPort = port.find() && port.group(4) != null ? port.group(4) : "default";
        String health;
        if (url.contains("***")) {
            health = "not checked (password in URL)";
        } else if (name.equals("postgres")) {
            String password = source.equals("embedded")
                    ? ""
                    : PgCredentials.from(System.getenv()).password();
            String failure =
                    DatastoreChoice.postgresFailure(url, new PgCredentials(stack.get("POSTGRES_USER"), password));
            health = failure == null ? "up" : failure;
        } else {
            String failure = DatastoreChoice.redisFailure(url);
            health = failure == null ? "up" : failure;
        }
        String state;
        String pid = "-";
        if (source.equals("embedded")) {
            Optional<OwnedProcess> launcher = embedded.running();
            Optional<OwnedProcess> orphan = embedded.orphan(key + "_PID");
            if (launcher.isPresent()) {
                state = "running";
                pid = embedded.stateFile().read().getOrDefault(key + "_PID", "-");
            } else if (orphan.isPresent()) {
                state = "orphaned"; // its launcher died; ./capflow down stops it
                pid = Long.toString(orphan.get().pid());
            } else {
                state = "stopped";
            }
        } else {
            state = health.equals("up") ? "running" : "down";
        }
        System.out.printf(FORMAT, name, state, pid, shownPort, "-", health + "  (" + source + ": " + url + ")");
    }
}
