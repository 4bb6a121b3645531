package dev.capflow.testsupport;

import java.nio.file.Path;

/** The capflow checkout a test runs in: system property {@code capflow.project.root}, else the module's parent. */
public final class ProjectRoot {

    private ProjectRoot() {}

    public static Path path() {
        String root = System.getProperty("capflow.project.root");
        return root != null ? Path.of(root) : Path.of("..").toAbsolutePath().normalize();
    }
}
