package dev.capflow.devstack.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real process from a tiny jar standing in for a packaged service (it sleeps), in a checkout made for the test. */
class ServiceProcessTest {

    @TempDir
    Path root;

    @Test
    void upStartsAServiceDetachedInASessionOfItsOwnWithItsJvmSettingsAndEnvironment() throws Exception {
        ServiceSpec spec = new ServiceSpec("sleeper-service", 1, 2, Set.of());
        packageSleeper(spec.jar(root));
        Files.writeString(
                Files.createDirectories(root.resolve("k8s/base/sleeper-service"))
                        .resolve("jvm.env"),
                """
                # the heap
                JDK_JAVA_OPTIONS=-Xmx32m
                """);
        Files.writeString(root.resolve("k8s/base/jvm.env"), """
                JAVA_MAX_MEM_RATIO=0
                GC_CONTAINER_OPTIONS=-XX:+UseSerialGC
                JAVA_TOOL_OPTIONS=-Xms8m
                MALLOC_ARENA_MAX=2
                """);
        Path log = root.resolve(".capflow/logs/sleeper-service.log");

        ServiceProcess process = ServiceProcess.launch(root, spec, List.of(), Map.of("CAPFLOW_PROBE", "42"), log, true);
        try {
            awaitLine(log, "sleeping", process);
            OwnedProcess owned =
                    OwnedProcess.find(process.pid(), spec.jar(root).toString()).orElseThrow();
            assertThat(OwnedProcess.commandLine(owned.pid()))
                    .get()
                    .asString()
                    .as("the recorded pid is the service's JVM, with the options of its JVM settings files")
                    .contains("java -Xms8m -Xmx32m -XX:+UseSerialGC -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20"
                            + " -XX:GCTimeRatio=4 -XX:AdaptiveSizePolicyWeight=90 -XX:+ExitOnOutOfMemoryError -jar")
                    .doesNotStartWith("setsid");
            assertThat(sessionId(process.pid()))
                    .as("a session of its own: no terminal to hang up on it")
                    .isEqualTo(process.pid());
            assertThat(Files.readString(Path.of("/proc", Long.toString(process.pid()), "environ")))
                    .contains("CAPFLOW_PROBE=42")
                    .as("the settings that are not java options reach the process as they are")
                    .contains("MALLOC_ARENA_MAX=2")
                    .doesNotContain("GC_CONTAINER_OPTIONS");
            assertThat(owned.stop(Duration.ofSeconds(30))).isFalse();
            // the JDK reaps its child on a thread of its own, a moment after the process has ended
            for (int i = 0; i < 100 && process.isAlive(); i++) {
                Thread.sleep(100);
            }
            assertThat(process.isAlive())
                    .as("the service's process, once stopped")
                    .isFalse();
        } finally {
            process.close();
        }
    }

    /** Polls {@code log} until the program printed {@code line}, i.e. setsid has handed over to the JVM and it runs. */
    private static void awaitLine(Path log, String line, ServiceProcess process) throws Exception {
        for (int i = 0; i < 1200 && process.isAlive(); i++) {
            if (Files.exists(log) && Files.readString(log).contains(line)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the sleeper never printed '" + line + "'; log:\n" + process.logTail());
    }

    /** The session id field of /proc/PID/stat (after the command name, which is in parentheses). */
    private static long sessionId(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[3]);
    }

    /** Compiles a main class that prints and sleeps, and packages it as an executable jar at {@code jar}. */
    private void packageSleeper(Path jar) throws Exception {
        Path sources = Files.createDirectories(root.resolve("sleeper-src"));
        Files.writeString(sources.resolve("Sleeper.java"), """
                public class Sleeper {
                    public static void main(String[] args) throws Exception {
                        System.out.println("sleeping");
                        System.out.flush();
                        Thread.sleep(600_000);
                    }
                }
                """);
        int compiled = ToolProvider.getSystemJavaCompiler()
                .run(
                        null,
                        null,
                        null,
                        "-d",
                        sources.toString(),
                        sources.resolve("Sleeper.java").toString());
        assertThat(compiled).isZero();
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "Sleeper");
        Files.createDirectories(jar.getParent());
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.putNextEntry(new JarEntry("Sleeper.class"));
            out.write(Files.readAllBytes(sources.resolve("Sleeper.class")));
            out.closeEntry();
        }
    }
}
