package dev.capflow.devstack.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The application class-data archive (AppCDS) of a service {@code ./capflow up} starts,
 * {@code .capflow/cds/<service>.jsa}. While it is newer than the service's jar the JVM maps the classes archived there
 * instead of loading and verifying them again, which shortens the start; otherwise the JVM writes a new one when the
 * service stops ({@code ./capflow down}), for the next {@code up}. A JVM that cannot use an archive (another JDK, a
 * file cut short) logs a warning and starts without it; deleting {@code .capflow/cds/} makes a fresh one.
 */
record ClassArchive(Path file) {

    /**
     * How much longer than its own shutdown a JVM that writes its archive at exit is given before it is killed: the
     * dump takes seconds, over a minute on a busy machine, and a killed JVM leaves no archive for the next start.
     */
    static final Duration WRITING_TIME = Duration.ofSeconds(90);

    private static final String WRITE_AT_EXIT = "-XX:ArchiveClassesAtExit=";

    static ClassArchive of(StackLayout layout, String service) {
        return new ClassArchive(layout.state().resolve("cds").resolve(service + ".jsa"));
    }

    /** The JVM options that use the archive when it is current for {@code jar}, else write it at exit. */
    List<String> options(Path jar) {
        try {
            if (Files.isRegularFile(file)
                    && Files.isRegularFile(jar)
                    && Files.getLastModifiedTime(file).compareTo(Files.getLastModifiedTime(jar)) > 0) {
                return List.of("-XX:SharedArchiveFile=" + file);
            }
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            return List.of(WRITE_AT_EXIT + file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the class archive " + file, e);
        }
    }

    /** True when the JVM started with {@code commandLine} writes a class archive as it exits. */
    static boolean writtenAtExitBy(String commandLine) {
        return commandLine.contains(WRITE_AT_EXIT);
    }
}
