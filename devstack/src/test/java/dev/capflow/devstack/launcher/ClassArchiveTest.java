package dev.capflow.devstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassArchiveTest {

    @TempDir
    Path root;

    @Test
    void theArchiveIsWrittenAtExitUntilItIsNewerThanTheJarAndWrittenAgainOnceTheJarIsRebuilt() throws Exception {
        Path jar = Files.createDirectories(root.resolve("ingest-service/target/quarkus-app"))
                .resolve("quarkus-run.jar");
        Files.writeString(jar, "jar");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-12-01T10:00:00Z")));
        ClassArchive archive = ClassArchive.of(new StackLayout(root), "ingest-service");
        Path file = root.resolve(".capflow/cds/ingest-service.jsa");
        assertThat(archive.file()).isEqualTo(file);

        assertThat(archive.options(jar)).containsExactly("-XX:ArchiveClassesAtExit=" + file);
        assertThat(file.getParent())
                .as("the JVM writes into an existing folder only")
                .isDirectory();

        Files.writeString(file, "archive");
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-12-01T11:00:00Z")));
        assertThat(archive.options(jar)).containsExactly("-XX:SharedArchiveFile=" + file);

        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-12-01T12:00:00Z")));
        assertThat(archive.options(jar)).containsExactly("-XX:ArchiveClassesAtExit=" + file);
        assertThat(file).as("the stale archive is gone, so a JVM never maps it").doesNotExist();
    }
}
