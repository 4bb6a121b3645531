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
    void upStartsAServiceDetachedInASessionOfItsOwnWithItsHeapAndEnvironment() throws Exception {
        ServiceSpec spec =
                new ServiceSpec("sleeper-service", 1, 2, Set.of(), List.of("-Xmx32m", "-XX:+ExitOnOutOfMemoryError"));
        packageSleeper(spec.jar(root));
        Path log = root.resolve(".capflow/logs/sleeper-service.log");

        ServiceProcess process = ServiceProcess.launch(root, spec, List.of(), Map.of("CAPFLOW_PROBE", "42"), log, true);
        try {
            awaitLine(log, "sleeping", process);
            OwnedProcess owned =
                    OwnedProcess.find(process.pid(), spec.jar(root).toString()).orElseThrow();
            assertThat(OwnedProcess.commandLine(owned.pid()))
                    .get()
                    .asString()
                    .as("the recorded pid is the service's JVM, with the table's options")
                    .contains("-Xmx32m -XX:+ExitOnOutOfMemoryError -jar")
                    .doesNotStartWith("setsid");
            assertThat(sessionId(process.pid()))
                    .as("a session of its own: no terminal to hang up on it")
                    .isEqualTo(process.pid());
            assertThat(Files.readString(Path.of("/proc", Long.toString(process.pid()), "environ")))
                    .contains("CAPFLOW_PROBE=42");
            assertThat(owned.stop(Duration.ofSeconds(30))).isFalse();
            assertThat(process.isAlive()).isFalse();
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
