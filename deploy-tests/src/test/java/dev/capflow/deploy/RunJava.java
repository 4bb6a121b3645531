package dev.capflow.deploy;

import dev.capflow.testsupport.ProjectRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JVM options a capflow pod starts with: the service image's {@code ENV} lines (its {@code Dockerfile.jvm}) under
 * the container's environment, turned into a command line the way the base image's {@code run-java.sh} (ubi9
 * openjdk-17-runtime) does it. {@code JAVA_OPTS} replaces everything; otherwise {@code -XX:MaxRAMPercentage}
 * ({@code JAVA_MAX_MEM_RATIO}, 80 by default, none for 0), the collector ({@code GC_CONTAINER_OPTIONS},
 * {@code -XX:+UseParallelGC} by default), the heap free ratios, GC time ratio and adaptive size policy weight
 * ({@code GC_*}, with the image's defaults), the metaspace sizes (MB), {@code -XX:+ExitOnOutOfMemoryError}, then
 * {@code JAVA_OPTS_APPEND}. The JVM itself reads {@code JAVA_TOOL_OPTIONS} before all of them.
 */
record RunJava(Map<String, String> environment) {

    private static final Pattern ENV_LINE = Pattern.compile("^ENV\\s+([A-Z_]+)=(\"([^\"]*)\"|'([^']*)'|(\\S*))\\s*$");

    /** The image of {@code module} started with {@code containerEnvironment} on top of the image's own ENV. */
    static RunJava of(String module, Map<String, String> containerEnvironment) {
        Map<String, String> environment = new HashMap<>(imageEnvironment(module));
        environment.putAll(containerEnvironment);
        return new RunJava(environment);
    }

    /** Whether {@code module} is built into an image of this kind (a capflow service, not a datastore). */
    static boolean builds(String module) {
        return Files.isRegularFile(dockerfile(module));
    }

    /** The options run-java.sh puts on the java command line, in order. */
    List<String> commandLine() {
        if (environment.containsKey("JAVA_OPTS")) {
            return split(environment.get("JAVA_OPTS"));
        }
        List<String> options = new ArrayList<>();
        String ratio = environment.getOrDefault("JAVA_MAX_MEM_RATIO", "80.0");
        if (!ratio.equals("0")) {
            options.add("-XX:MaxRAMPercentage=" + ratio);
        }
        options.addAll(split(environment.getOrDefault("GC_CONTAINER_OPTIONS", "-XX:+UseParallelGC")));
        options.add("-XX:MinHeapFreeRatio=" + environment.getOrDefault("GC_MIN_HEAP_FREE_RATIO", "10"));
        options.add("-XX:MaxHeapFreeRatio=" + environment.getOrDefault("GC_MAX_HEAP_FREE_RATIO", "20"));
        options.add("-XX:GCTimeRatio=" + environment.getOrDefault("GC_TIME_RATIO", "4"));
        options.add("-XX:AdaptiveSizePolicyWeight=" + environment.getOrDefault("GC_ADAPTIVE_SIZE_POLICY_WEIGHT", "90"));
        String maxMetaspace = environment.get("GC_MAX_METASPACE_SIZE");
        if (maxMetaspace != null) {
            options.add("-XX:MaxMetaspaceSize=" + maxMetaspace + "m");
        }
        String metaspace = environment.get("GC_METASPACE_SIZE");
        if (metaspace != null) {
            long clamped = maxMetaspace == null
                    ? Long.parseLong(metaspace)
                    : Math.min(Long.parseLong(metaspace), Long.parseLong(maxMetaspace));
            options.add("-XX:MetaspaceSize=" + clamped + "m");
        }
        options.add("-XX:+ExitOnOutOfMemoryError");
        options.addAll(split(environment.getOrDefault("JAVA_OPTS_APPEND", "")));
        return options;
    }

    /** The options the JVM reads from its environment ahead of the command line. */
    List<String> toolOptions() {
        return split(environment.getOrDefault("JAVA_TOOL_OPTIONS", ""));
    }

    /** Every option the JVM gets, in the order it applies them (a later value of a flag wins). */
    List<String> allOptions() {
        List<String> all = new ArrayList<>(toolOptions());
        all.addAll(commandLine());
        return all;
    }

    private static Path dockerfile(String module) {
        return ProjectRoot.path().resolve(module).resolve("src/main/docker/Dockerfile.jvm");
    }

    private static Map<String, String> imageEnvironment(String module) {
        Map<String, String> environment = new HashMap<>();
        try {
            for (String line : Files.readAllLines(dockerfile(module))) {
                Matcher env = ENV_LINE.matcher(line.trim());
                if (env.matches()) {
                    String value =
                            env.group(3) != null ? env.group(3) : env.group(4) != null ? env.group(4) : env.group(5);
                    environment.put(env.group(1), value);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return environment;
    }

    private static List<String> split(String options) {
        return Arrays.stream(options.trim().split("\\s+"))
                .filter(option -> !option.isEmpty())
                .toList();
    }
}
