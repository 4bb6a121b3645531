package dev.capflow.deploy;

import dev.capflow.devstack.stack.JvmSettings;
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
 * openjdk-17-runtime) does it ({@link JvmSettings#runJavaOptions}, which devstack starts services with too). The JVM
 * itself reads {@code JAVA_TOOL_OPTIONS} before all of them, the launcher {@code JDK_JAVA_OPTIONS} next.
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
        return JvmSettings.runJavaOptions(environment);
    }

    /** The image's own options, at the end of its command line ({@code JAVA_OPTS_APPEND}). */
    List<String> appendedOptions() {
        return split(environment.getOrDefault("JAVA_OPTS_APPEND", ""));
    }

    /** The options the JVM and its launcher read from the environment ahead of the command line. */
    List<String> toolOptions() {
        List<String> options = new ArrayList<>(split(environment.getOrDefault("JAVA_TOOL_OPTIONS", "")));
        options.addAll(split(environment.getOrDefault("JDK_JAVA_OPTIONS", "")));
        return options;
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
