package dev.capflow.devstack.stack;

import dev.capflow.devstack.Arguments;
import dev.capflow.devstack.Subcommand;
import dev.capflow.devstack.UsageException;
import dev.capflow.devstack.launcher.StackLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code jvm-settings NAME}: the JVM settings a service runs with under {@code ./capflow} and in {@code k8s/}, one per
 * line: its environment as {@code KEY=VALUE}, then its java options (each starting with {@code -}). For scripts that
 * start a service themselves, such as the benchmarks, so that they measure the JVM the platform ships.
 */
public final class JvmSettingsCommand implements Subcommand {

    @Override
    public String name() {
        return "jvm-settings";
    }

    @Override
    public String usage() {
        return "jvm-settings NAME";
    }

    @Override
    public String summary() {
        return "print a service's JVM environment (KEY=VALUE) and java options (-...), one per line";
    }

    @Override
    public int run(List<String> args) throws Exception {
        String service = Arguments.parse(args, 1, Set.of(), Set.of()).positional(0);
        lines(StackLayout.current().root(), service).forEach(System.out::println);
        return 0;
    }

    /** The lines {@code jvm-settings} prints for {@code service} of the checkout at {@code root}. */
    static List<String> lines(Path root, String service) throws UsageException {
        try {
            ServiceTable.named(service);
        } catch (IllegalArgumentException unknown) {
            throw new UsageException(unknown.getMessage());
        }
        JvmSettings settings = JvmSettings.of(root, service);
        List<String> lines = new ArrayList<>();
        settings.environment().forEach((key, value) -> lines.add(key + "=" + value));
        lines.addAll(settings.options());
        return lines;
    }
}
