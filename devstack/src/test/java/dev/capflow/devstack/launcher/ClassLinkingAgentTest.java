package dev.capflow.devstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM that loads a class with a class loader of its own (as Quarkus' RunnerClassLoader does) and never links it
 * writes its class archive at exit: the next JVM maps that class from the archive only when the agent linked it.
 */
class ClassLinkingAgentTest {

    private static final String LOADED = ClassLinkingAgentTest.Loaded.class.getName();

    @TempDir
    Path dir;

    @Test
    void aClassLoadedButNeverLinkedIsArchivedOnceTheAgentLinkedIt() throws Exception {
        assertThat(sourceOfTheLoadedClassAfterAnArchiveWritten(true)).contains("shared objects file (top)");
    }

    @Test
    void withoutTheAgentTheArchiveSkipsIt() throws Exception {
        assertThat(sourceOfTheLoadedClassAfterAnArchiveWritten(false)).contains("loaded.jar");
    }

    /** Where the second JVM loaded {@link Loaded} from (its -Xlog:class+load line). */
    private String sourceOfTheLoadedClassAfterAnArchiveWritten(boolean agent) throws Exception {
        Path main = jar("main.jar", null, Fixture.class);
        Path loaded = jar("loaded.jar", null, Loaded.class);
        Path archive = dir.resolve("fixture.jsa");
        Process writer = fixture(main, loaded, List.of("-XX:ArchiveClassesAtExit=" + archive), new ArrayList<>());
        if (agent) {
            Path agentJar = jar("agent.jar", ClassLinkingAgent.class.getName(), ClassLinkingAgent.class);
            ClassLinkingAgent.loadInto(writer.pid(), agentJar);
        }
        assertThat(finish(writer)).as("the archive was written").isZero();
        assertThat(archive).exists();
        List<String> lines = new ArrayList<>();
        Process reader = fixture(main, loaded, List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:class+load"), lines);
        assertThat(finish(reader)).isZero();
        return lines.stream()
                .filter(line -> line.contains(LOADED + " source:"))
                .findFirst()
                .orElseThrow();
    }

    /** Starts {@link Fixture} and returns once it has loaded the class; its output up to then goes to {@code lines}. */
    private static Process fixture(Path main, Path loaded, List<String> options, List<String> lines)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.addAll(List.of(
                "-cp", main.toString(), Fixture.class.getName(), loaded.toUri().toString(), LOADED));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader output =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            lines.add(line);
            if (line.equals("loaded")) {
                // the rest is read and dropped, so that the fixture never blocks on a full pipe
                Thread drain = new Thread(() -> output.lines().forEach(rest -> {}));
                drain.setDaemon(true);
                drain.start();
                return process;
            }
        }
        throw new IllegalStateException("the fixture stopped: " + lines);
    }

    /** Closes the fixture's input, which ends it, and answers its exit status. */
    private static int finish(Process process) throws Exception {
        process.getOutputStream().close();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }

    private Path jar(String name, String agentClass, Class<?> type) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (agentClass != null) {
            manifest.getMainAttributes().putValue("Agent-Class", agentClass);
        }
        String entry = type.getName().replace('.', '/') + ".class";
        Path jar = dir.resolve(name);
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file, manifest);
                InputStream bytes = type.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            bytes.transferTo(out);
        }
        return jar;
    }

    /** Loads (without linking) a class from a jar with a class loader of its own, then waits for its input to end. */
    public static final class Fixture {

        public static void main(String[] args) throws Exception {
            ClassLoader loader = new URLClassLoader(new URL[] {new URL(args[0])}, ClassLoader.getPlatformClassLoader());
            Class.forName(args[1], false, loader);
            System.out.println("loaded");
            System.out.flush();
            System.in.transferTo(OutputStream.nullOutputStream());
        }
    }

    /** The class {@link Fixture} loads. */
    public static final class Loaded {}
}
