package dev.capflow.devstack.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A service's JVM settings, read from the files every Kubernetes Deployment of {@code k8s/} gets them from too:
 * {@code k8s/base/jvm.env} (every service) and {@code k8s/base/<service>/jvm.env} (its heap limit), as environment
 * variables of the service images' {@code run-java.sh} (ubi9 openjdk-17-runtime). devstack starts a service with the
 * java options that script makes of them, so {@code ./capflow} and a pod run the same JVM.
 */
public record JvmSettings(Map<String, String> variables) {

    /** The variables the JVM's options are made of; every other one is handed to the process as it is. */
    private static final Set<String> OPTION_VARIABLES = Set.of(
            "JAVA_TOOL_OPTIONS",
            "JDK_JAVA_OPTIONS",
            "JAVA_OPTS",
            "JAVA_OPTS_APPEND",
            "JAVA_MAX_MEM_RATIO",
            "GC_CONTAINER_OPTIONS",
            "GC_MIN_HEAP_FREE_RATIO",
            "GC_MAX_HEAP_FREE_RATIO",
            "GC_TIME_RATIO",
            "GC_ADAPTIVE_SIZE_POLICY_WEIGHT",
            "GC_METASPACE_SIZE",
            "GC_MAX_METASPACE_SIZE");

    public JvmSettings {
        variables = Map.copyOf(variables);
    }

    /** The settings of {@code service} in the checkout at {@code root}: the shared file, then the service's own. */
    public static JvmSettings of(Path root, String service) {
        Path base = root.resolve("k8s/base");
        Map<String, String> variables = new LinkedHashMap<>(read(base.resolve("jvm.env")));
        variables.putAll(read(base.resolve(service).resolve("jvm.env")));
        return new JvmSettings(variables);
    }

    /**
     * The java options, in the order the JVM applies them: {@code JAVA_TOOL_OPTIONS} (read by the JVM itself),
     * {@code JDK_JAVA_OPTIONS} (read by the launcher), then the command line {@link #runJavaOptions} makes.
     */
    public List<String> options() {
        List<String> options = new ArrayList<>(split(variables.getOrDefault("JAVA_TOOL_OPTIONS", "")));
        options.addAll(split(variables.getOrDefault("JDK_JAVA_OPTIONS", "")));
        options.addAll(runJavaOptions(variables));
        return options;
    }

    /** The variables that are not java options ({@code MALLOC_ARENA_MAX}, Quarkus settings): the process's own. */
    public Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>(variables);
        environment.keySet().removeAll(OPTION_VARIABLES);
        return environment;
    }

    /**
     * The options the images' {@code run-java.sh} puts on the java command line for {@code environment}:
     * {@code JAVA_OPTS} replaces everything; otherwise {@code -XX:MaxRAMPercentage} ({@code JAVA_MAX_MEM_RATIO}, 80 by
     * default, none for 0), the collector ({@code GC_CONTAINER_OPTIONS}, {@code -XX:+UseParallelGC} by default), the
     * heap free ratios, GC time ratio and adaptive size policy weight ({@code GC_*}, with the image's defaults), the
     * metaspace sizes in MB, {@code -XX:+ExitOnOutOfMemoryError}, then {@code JAVA_OPTS_APPEND}.
     */
    public static List<String> runJavaOptions(Map<String, String> environment) {
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

    /** An env file as kustomize's configMapGenerator reads it: {@code KEY=VALUE} lines, {@code #} comments. */
    static Map<String, String> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the JVM settings " + file, e);
        }
        Map<String, String> variables = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals < 1) {
                throw new IllegalStateException(file + " line " + (i + 1) + ": expected KEY=VALUE, got '" + line + "'");
            }
            variables.put(line.substring(0, equals), line.substring(equals + 1));
        }
        return variables;
    }

    private static List<String> split(String options) {
        return Arrays.stream(options.strip().split("\\s+"))
                .filter(option -> !option.isEmpty())
                .toList();
    }
}
