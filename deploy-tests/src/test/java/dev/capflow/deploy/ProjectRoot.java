package dev.capflow.deploy;

import java.nio.file.Path;

/** The capflow checkout these tests read (k8s/, the services' application.properties and jars). */
final class ProjectRoot {

    private ProjectRoot() {
    }

    static Path path() {
        String root = System.getProperty("capflow.project.root");
        return root != null ? Path.of(root) : Path.of("..").toAbsolutePath().normalize();
    }
}
