package dev.capflow.devstack.launcher;

import com.sun.tools.attach.VirtualMachine;
import java.lang.instrument.Instrumentation;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;

/**
 * A Java agent that {@code down} loads into a service about to write its class archive at exit: it links every class
 * of the application's class loaders, so that the archive takes them too. Before a dynamic dump JDK 17 links only the
 * classes of its own loaders and skips the others that were loaded but never linked ("Skipping ...: Not linked",
 * about 2,300 of ingest-service's, loaded by Quarkus' {@code RunnerClassLoader}), which every start then parses again.
 * Linking runs no static initialiser. The agent is loaded into a running JVM (the Attach API): one named by
 * {@code -javaagent} on its command line would need a diagnostic flag to write an archive and another to use it.
 */
public final class ClassLinkingAgent {

    /** Linking a class can load others (its constructors' parameter types), so the loaded classes are walked again. */
    private static final int MAX_PASSES = 20;

    private ClassLinkingAgent() {}

    /** The agent's entry point ({@code Agent-Class} of the devstack jar). */
    public static void agentmain(String args, Instrumentation instrumentation) {
        Set<Class<?>> linked = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            int before = linked.size();
            for (Class<?> type : instrumentation.getAllLoadedClasses()) {
                if (type.getClassLoader() != null && !type.isArray() && linked.add(type)) {
                    link(type);
                }
            }
            if (linked.size() == before) {
                return;
            }
        }
    }

    /** Loads the agent from {@code agentJar} into the JVM {@code pid} and returns once it has linked its classes. */
    static void loadInto(long pid, Path agentJar) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
        try {
            vm.loadAgent(agentJar.toString());
        } finally {
            vm.detach();
        }
    }

    /** The devstack jar, which carries this agent; empty when devstack runs from its classes (its own tests). */
    static Optional<Path> jar() {
        try {
            Path location = Path.of(ClassLinkingAgent.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            return location.toString().endsWith(".jar") ? Optional.of(location) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static void link(Class<?> type) {
        try {
            // HotSpot links a class before it lists its members (and does not initialise it)
            type.getDeclaredConstructors();
        } catch (LinkageError | RuntimeException e) {
            // a class that does not verify or misses a dependency stays out of the archive, as before
        }
    }
}
