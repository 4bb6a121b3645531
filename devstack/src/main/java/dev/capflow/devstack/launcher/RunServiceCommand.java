package dev.capflow.devstack.launcher;

import dev.capflow.devstack.Arguments;
import dev.capflow.devstack.Subcommand;
import dev.capflow.devstack.UsageException;
import dev.capflow.devstack.stack.ServiceProcess;
import dev.capflow.devstack.stack.ServiceSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code run-service NAME --port PORT [KEY=VALUE ...]}: one more copy of a service that {@code up} runs, on another
 * HTTP port, with the environment {@code up} gave the running one (datastores, token trust, gRPC clients) and the
 * given settings on top, in the foreground until stopped (SIGTERM stops the copy too). For measurements that need a
 * differently configured copy beside the platform, such as a gateway without its response cache.
 */
public final class RunServiceCommand implements Subcommand {

    @Override
    public String name() {
        return "run-service";
    }

    @Override
    public String usage() {
        return "run-service NAME --port PORT [KEY=VALUE ...]";
    }

    @Override
    public String summary() {
        return "one more copy of a running service on PORT, with up's settings plus KEY=VALUE, until stopped";
    }

    @Override
    public int run(List<String> args) throws Exception {
        if (args.size() < 3 || !"--port".equals(args.get(1))) {
            throw new UsageException("expected NAME --port PORT [KEY=VALUE ...]");
        }
        String name = args.get(0);
        int port = (int) Math.min(Arguments.nonNegative(args.get(2), "PORT"), 65_535);
        Map<String, String> settings = settings(args.subList(3, args.size()));
        StackLayout layout = StackLayout.current();
        Map<String, String> env = System.getenv();
        LocalServices services = LocalServices.of(env);
        ServiceSpec spec = services.specs().stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new UsageException("no service named " + name));
        if (spec.servesGrpc()) {
            throw new UsageException(name + " serves gRPC on a fixed port; only the gateway can run twice");
        }
        if (UpCommand.running(layout, spec).isEmpty()) {
            throw new LaunchException(name + " is not running: ./capflow up first, with the same CAPFLOW_* variables");
        }
        Map<String, String> upEnv = UpCommand.localStack(
                        layout, services, DatastoreChoice.resolve(env, new EmbeddedDatastoresProcess(layout)), env)
                .of(name);
        Path recorded = layout.fingerprintFile(name);
        if (!Files.exists(recorded) || !Files.readString(recorded).trim().equals(UpCommand.fingerprint(upEnv))) {
            throw new LaunchException("the running " + name + " got other settings than these CAPFLOW_* variables"
                    + " give; run this with the variables up ran with");
        }
        Map<String, String> copyEnv = new TreeMap<>(upEnv);
        copyEnv.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        copyEnv.putAll(settings);
        ServiceProcess copy = ServiceProcess.launch(
                layout.root(),
                spec.withPorts(port, ServiceSpec.NO_GRPC),
                List.of(),
                copyEnv,
                layout.log(name + "-" + port),
                false);
        Runtime.getRuntime().addShutdownHook(new Thread(copy::close));
        copy.awaitReady(ServiceProcess.START_TIMEOUT);
        System.out.println(name + " copy ready on port " + port + " (pid " + copy.pid() + ", log .capflow/logs/" + name
                + "-" + port + ".log)");
        return copy.waitFor();
    }

    private static Map<String, String> settings(List<String> assignments) throws UsageException {
        Map<String, String> settings = new TreeMap<>();
        for (String assignment : assignments) {
            int equals = assignment.indexOf('=');
            if (equals <= 0) {
                throw new UsageException("expected KEY=VALUE, got '" + assignment + "'");
            }
            settings.put(assignment.substring(0, equals), assignment.substring(equals + 1));
        }
        return settings;
    }
}
