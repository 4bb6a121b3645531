package dev.capflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capflow.devstack.stack.JvmSettings;
import dev.capflow.testsupport.ProjectRoot;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JVM options every capflow pod of every overlay starts with, as the image's run-java.sh builds them from the
 * container's environment ({@link RunJava}): one collector, nothing in {@code JAVA_TOOL_OPTIONS} that the command
 * line overrides unseen, and a JVM of the image's Java version that accepts them.
 */
class JvmOptionsTest {

    private static final Pattern COLLECTOR = Pattern.compile("-XX:\\+Use\\w+GC");
    private static final Pattern SIZE = Pattern.compile("(\\d+)([kKmMgG]?)");

    /**
     * The four options that bound a JVM's memory: heap, class metadata, compiled code and direct buffers. Without one
     * the JVM's default applies: unbounded metaspace, 240 MB of code cache, direct buffers up to the heap's size.
     */
    private static final List<String> CEILINGS =
            List.of("-Xmx", "-XX:MaxMetaspaceSize=", "-XX:ReservedCodeCacheSize=", "-XX:MaxDirectMemorySize=");

    /**
     * What a service's JVM takes beyond those ceilings, at most: thread stacks, the collector, the JIT's arenas,
     * symbols, and the code of the JVM and its libraries. bench/native-memory.sh found 10 to 26 MiB of it in NMT's
     * other categories under load, and the libraries' code is about 20 MiB (BENCHMARKS.md).
     */
    private static final long NATIVE_ALLOWANCE_MIB = 96;

    private static final Pattern XX_FLAG = Pattern.compile("-XX:[+-]?(\\w+)(=.*)?");

    static List<String> overlays() {
        return Kustomize.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyServiceSelectsExactlyOneCollector(String overlay) {
        for (Pod pod : pods(overlay)) {
            List<String> collectors = pod.jvm().allOptions().stream()
                    .filter(option -> COLLECTOR.matcher(option).matches())
                    .distinct()
                    .toList();
            assertThat(collectors)
                    .as(pod + ": the collectors of JAVA_TOOL_OPTIONS "
                            + pod.jvm().toolOptions()
                            + " and of the image's command line " + pod.jvm().commandLine()
                            + " (run-java.sh adds GC_CONTAINER_OPTIONS, -XX:+UseParallelGC unless set); the JVM"
                            + " refuses to start with two, so name the collector in GC_CONTAINER_OPTIONS only")
                    .hasSize(1);
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void noToolOptionIsOverriddenUnseenByTheImagesCommandLine(String overlay) {
        for (Pod pod : pods(overlay)) {
            List<String> commandLine = pod.jvm().commandLine();
            for (String option : pod.jvm().toolOptions()) {
                flagName(option)
                        .ifPresent(name -> assertThat(commandLine.stream()
                                        .filter(other -> flagName(other).equals(Optional.of(name))))
                                .as(pod + ": JAVA_TOOL_OPTIONS sets " + option + " but the image's command line "
                                        + commandLine + " sets " + name + " after it (use the image's GC_* variable)")
                                .allMatch(option::equals));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void aJvmOfTheImagesJavaVersionStartsWithThePodsOptions(String overlay) throws Exception {
        for (Pod pod : pods(overlay)) {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(pod.jvm().commandLine());
            command.add("-version");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            Map<String, String> environment = builder.environment();
            for (String variable : List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS")) {
                environment.put(variable, pod.jvm().environment().getOrDefault(variable, ""));
            }
            Process java = builder.start();
            String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(java.waitFor(60, TimeUnit.SECONDS))
                    .as(pod + ": java -version ended")
                    .isTrue();
            assertThat(java.exitValue())
                    .as(pod + ": java " + command + " with JAVA_TOOL_OPTIONS=" + environment.get("JAVA_TOOL_OPTIONS")
                            + " and JDK_JAVA_OPTIONS=" + environment.get("JDK_JAVA_OPTIONS") + " printed:\n" + output)
                    .isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void devstackStartsEveryServiceWithTheJvmItsPodsGet(String overlay) {
        for (Pod pod : pods(overlay)) {
            JvmSettings devstack = JvmSettings.of(ProjectRoot.path(), pod.deployment());
            List<String> expected = new ArrayList<>(devstack.options());
            expected.addAll(RunJava.of(pod.deployment(), Map.of()).appendedOptions());
            assertThat(pod.jvm().allOptions())
                    .as(pod + ": the JVM options of the pod against those ./capflow starts it with (k8s/base/jvm.env"
                            + " and k8s/base/" + pod.deployment() + "/jvm.env), plus the image's JAVA_OPTS_APPEND")
                    .isEqualTo(expected);
            assertThat(pod.jvm().environment())
                    .as(pod + ": the other variables of the JVM settings files")
                    .containsAllEntriesOf(devstack.environment());
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyServicesJvmCeilingsAndItsOwnNativeMemoryFitItsContainersMemoryLimit(String overlay) {
        for (Pod pod : pods(overlay)) {
            List<String> options = pod.jvm().allOptions();
            long ceilings = CEILINGS.stream()
                    .mapToLong(option -> mebibytes(pod, options, option))
                    .sum();
            assertThat(ceilings + NATIVE_ALLOWANCE_MIB)
                    .as(pod + ": " + CEILINGS + " of " + options + " (" + ceilings + " MiB) plus "
                            + NATIVE_ALLOWANCE_MIB
                            + " MiB of the JVM's own native memory, against the container's memory limit: over it, the"
                            + " kernel kills the pod before the JVM refuses an allocation")
                    .isLessThanOrEqualTo(pod.memoryLimitMib());
        }
    }

    /** The last value of {@code option} (a prefix such as {@code -Xmx}) in {@code options}, in MiB. */
    private static long mebibytes(Pod pod, List<String> options, String option) {
        String value = options.stream()
                .filter(candidate -> candidate.startsWith(option))
                .reduce((first, last) -> last)
                .map(found -> found.substring(option.length()))
                .orElseThrow(() -> new AssertionError(pod + " sets no " + option + ": its JVM's default is unbounded"
                        + " or the heap's size (k8s/base/jvm.env sets every ceiling)"));
        Matcher size = SIZE.matcher(value);
        assertThat(size.matches())
                .as(pod + ": " + option + value + " is a size")
                .isTrue();
        long amount = Long.parseLong(size.group(1));
        return switch (size.group(2).toLowerCase(Locale.ROOT)) {
            case "g" -> amount * 1024;
            case "m" -> amount;
            case "k" -> amount / 1024;
            default -> amount >> 20;
        };
    }

    /** A capflow service's container in a rendered overlay, with the JVM options its image would start. */
    private record Pod(String overlay, String deployment, RunJava jvm, long memoryLimitMib) {
        @Override
        public String toString() {
            return overlay + " Deployment/" + deployment;
        }
    }

    private static List<Pod> pods(String overlay) {
        Rendered rendered = Kustomize.overlay(overlay);
        List<Pod> pods = new ArrayList<>();
        for (Deployment deployment : rendered.deployments()) {
            for (Container container :
                    deployment.getSpec().getTemplate().getSpec().getContainers()) {
                if (RunJava.builds(container.getName())) {
                    pods.add(new Pod(
                            overlay,
                            deployment.getMetadata().getName(),
                            RunJava.of(container.getName(), rendered.environment(container)),
                            container
                                            .getResources()
                                            .getLimits()
                                            .get("memory")
                                            .getNumericalAmount()
                                            .longValue()
                                    >> 20));
                }
            }
        }
        assertThat(pods).as(overlay + ": capflow service Deployments").hasSizeGreaterThanOrEqualTo(4);
        return pods;
    }

    private static Optional<String> flagName(String option) {
        Matcher flag = XX_FLAG.matcher(option);
        return flag.matches() ? Optional.of(flag.group(1)) : Optional.empty();
    }
}
