package dev.capflow.deploy;

import dev.capflow.testsupport.ProjectRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Renders k8s/ kustomizations with {@code kubectl kustomize}, once per folder and JVM. */
final class Kustomize {

    private static final Map<Path, Rendered> RENDERED = new ConcurrentHashMap<>();

    private Kustomize() {}

    static Path k8s() {
        return ProjectRoot.path().resolve("k8s");
    }

    /** The overlay folders under k8s/overlays (dev, prod, and any added later). */
    static List<String> overlays() {
        try (Stream<Path> folders = Files.list(k8s().resolve("overlays"))) {
            return folders.filter(folder -> Files.isRegularFile(folder.resolve("kustomization.yaml")))
                    .map(folder -> folder.getFileName().toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The typed resources of {@code k8s/overlays/<name>}. */
    static Rendered overlay(String name) {
        return RENDERED.computeIfAbsent(
                k8s().resolve("overlays").resolve(name).normalize(),
                folder -> new Rendered(StrictYaml.read(render(folder))));
    }

    /** The YAML {@code kubectl kustomize folder} prints; fails with kubectl's stderr when it cannot render. */
    static String render(Path folder) {
        try {
            Process kubectl = new ProcessBuilder("kubectl", "kustomize", folder.toString()).start();
            CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> readAll(kubectl.getErrorStream()));
            String yaml = readAll(kubectl.getInputStream());
            if (!kubectl.waitFor(2, TimeUnit.MINUTES)) {
                kubectl.destroyForcibly();
                throw new AssertionError("kubectl kustomize " + folder + " did not finish in 2 minutes");
            }
            if (kubectl.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + folder + " failed (exit " + kubectl.exitValue() + "):\n"
                        + stderr.join());
            }
            return yaml;
        } catch (IOException e) {
            throw new AssertionError("cannot run kubectl (is it on the PATH?): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while rendering " + folder, e);
        }
    }

    private static String readAll(java.io.InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
