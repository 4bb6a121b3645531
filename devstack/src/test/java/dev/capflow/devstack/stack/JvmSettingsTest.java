package dev.capflow.devstack.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capflow.testsupport.ProjectRoot;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JvmSettingsTest {

    @TempDir
    Path root;

    @Test
    void theServicesFileComesAfterTheSharedOneAndOptionsFollowTheOrderTheJvmAppliesThem() throws Exception {
        write("k8s/base/jvm.env", """
                # shared
                JAVA_MAX_MEM_RATIO=0
                GC_CONTAINER_OPTIONS=-XX:+UseG1GC -XX:G1PeriodicGCInterval=15000
                GC_MAX_HEAP_FREE_RATIO=30
                GC_MAX_METASPACE_SIZE=192

                JAVA_TOOL_OPTIONS=-Xms32m -XX:ReservedCodeCacheSize=96m
                MALLOC_ARENA_MAX=2
                QUARKUS_VERTX_EVENT_LOOPS_POOL_SIZE=2
                """);
        write("k8s/base/risk-service/jvm.env", "JDK_JAVA_OPTIONS=-Xmx384m\nMALLOC_ARENA_MAX=1\n");

        JvmSettings settings = JvmSettings.of(root, "risk-service");

        assertThat(settings.options())
                .containsExactly(
                        "-Xms32m",
                        "-XX:ReservedCodeCacheSize=96m",
                        "-Xmx384m",
                        "-XX:+UseG1GC",
                        "-XX:G1PeriodicGCInterval=15000",
                        "-XX:MinHeapFreeRatio=10",
                        "-XX:MaxHeapFreeRatio=30",
                        "-XX:GCTimeRatio=4",
                        "-XX:AdaptiveSizePolicyWeight=90",
                        "-XX:MaxMetaspaceSize=192m",
                        "-XX:+ExitOnOutOfMemoryError");
        assertThat(settings.environment())
                .as("what is not a java option reaches the process as it is, the service's value winning")
                .isEqualTo(Map.of("MALLOC_ARENA_MAX", "1", "QUARKUS_VERTX_EVENT_LOOPS_POOL_SIZE", "2"));
    }

    @Test
    void theImagesDefaultsApplyWhereNothingIsSetAndJavaOptsReplacesThemAll() {
        assertThat(JvmSettings.runJavaOptions(Map.of()))
                .containsExactly(
                        "-XX:MaxRAMPercentage=80.0",
                        "-XX:+UseParallelGC",
                        "-XX:MinHeapFreeRatio=10",
                        "-XX:MaxHeapFreeRatio=20",
                        "-XX:GCTimeRatio=4",
                        "-XX:AdaptiveSizePolicyWeight=90",
                        "-XX:+ExitOnOutOfMemoryError");
        assertThat(JvmSettings.runJavaOptions(Map.of(
                        "GC_METASPACE_SIZE", "300", "GC_MAX_METASPACE_SIZE", "200", "JAVA_OPTS_APPEND", "-Da=b")))
                .as("the initial metaspace is clamped to the maximum, the appended options come last")
                .containsSubsequence("-XX:MaxMetaspaceSize=200m", "-XX:MetaspaceSize=200m", "-Da=b");
        assertThat(JvmSettings.runJavaOptions(Map.of("JAVA_OPTS", "-Xmx1g  -XX:+UseSerialGC", "GC_TIME_RATIO", "9")))
                .containsExactly("-Xmx1g", "-XX:+UseSerialGC");
    }

    @Test
    void aMissingFileOrAMalformedLineIsNamed() throws Exception {
        assertThatThrownBy(() -> JvmSettings.of(root, "ingest-service")).hasMessageContaining("k8s/base/jvm.env");
        write("k8s/base/jvm.env", "JAVA_MAX_MEM_RATIO=0\n-Xmx384m\n");
        write("k8s/base/ingest-service/jvm.env", "");
        assertThatThrownBy(() -> JvmSettings.of(root, "ingest-service"))
                .hasMessageContaining("jvm.env line 2")
                .hasMessageContaining("'-Xmx384m'");
    }

    @Test
    void everyServiceOfTheTableHasAHeapLimitOneCollectorAndAQuickExitInTheCheckout() {
        for (ServiceSpec spec : ServiceTable.SERVICES) {
            assertThat(JvmSettings.of(ProjectRoot.path(), spec.name()).options())
                    .as(spec.name())
                    .containsOnlyOnce("-XX:+ExitOnOutOfMemoryError")
                    .doesNotContain("-XX:+UseParallelGC")
                    .filteredOn(option -> option.startsWith("-Xmx")
                            || option.matches("-XX:\\+Use\\w+GC")
                            || option.startsWith("-XX:MaxRAMPercentage"))
                    .hasSize(2);
        }
    }

    @Test
    void everyServicesJvmHandsFreedNativeMemoryBackToTheSystem() throws Exception {
        for (ServiceSpec spec : ServiceTable.SERVICES) {
            JvmSettings settings = JvmSettings.of(ProjectRoot.path(), spec.name());
            assertThat(finalFlag(settings, "TrimNativeHeapInterval"))
                    .as(spec.name()
                            + ": milliseconds between two malloc_trim calls (0: never, glibc keeps what is freed)")
                    .isPositive();
            assertThat(settings.environment()).as(spec.name()).containsEntry("MALLOC_ARENA_MAX", "2");
        }
    }

    @Test
    void everyServiceStartsWithAYoungGenerationOfAtMost32Mb() throws Exception {
        for (ServiceSpec spec : ServiceTable.SERVICES) {
            assertThat(finalFlag(JvmSettings.of(ProjectRoot.path(), spec.name()), "NewSize"))
                    .as(spec.name() + ": bytes of the young generation the JVM starts with; the start allocates through"
                            + " all of it, so all of it stays resident in the idle service")
                    .isPositive()
                    .isLessThanOrEqualTo(32L * 1024 * 1024);
        }
    }

    @Test
    void basketServiceStartsWithAn8MbYoungGenerationThatAFullCollectionGrowsTo32Mb() throws Exception {
        JvmSettings settings = JvmSettings.of(ProjectRoot.path(), "basket-service");
        // Serial resizes the young generation only after a full collection: to half the old generation's room (the
        // initial heap less the young generation), at most MaxNewSize; until then an idle service keeps NewSize
        Map<String, Long> megabytes = Map.of("NewSize", 8L, "MaxNewSize", 32L, "InitialHeapSize", 160L);
        for (Map.Entry<String, Long> flag : megabytes.entrySet()) {
            assertThat(finalFlag(settings, flag.getKey())).as(flag.getKey()).isEqualTo(flag.getValue() * 1024 * 1024);
        }
        assertThat(finalFlag(settings, "MetaspaceSize"))
                .as("class metadata that triggers a full collection; an idle service has 21 to 30 MB")
                .isGreaterThanOrEqualTo(64L * 1024 * 1024);
    }

    @Test
    void ingestServiceStartsWithA4MbYoungGenerationThatAFullCollectionGrowsToTheOldGenerationsRoom() throws Exception {
        JvmSettings settings = JvmSettings.of(ProjectRoot.path(), "ingest-service");
        // small while idle (all of it is resident); after a full collection as large as the old generation's room, at
        // most 64 MB, so that tick batches in flight die young instead of filling the old generation
        Map<String, Long> megabytes = Map.of("NewSize", 4L, "MaxNewSize", 64L);
        for (Map.Entry<String, Long> flag : megabytes.entrySet()) {
            assertThat(finalFlag(settings, flag.getKey())).as(flag.getKey()).isEqualTo(flag.getValue() * 1024 * 1024);
        }
        assertThat(finalFlag(settings, "NewRatio")).isEqualTo(1);
        assertThat(finalFlag(settings, "MetaspaceSize"))
                .as("class metadata that triggers a full collection (and the young generation's resize) at idle")
                .isGreaterThanOrEqualTo(64L * 1024 * 1024);
        // Serial collects in full after a young collection that grew the old generation: the room left after a full
        // collection is what keeps tick ingest from collecting in full every few young collections
        assertThat(finalFlag(settings, "MinHeapFreeRatio")).isEqualTo(40);
        assertThat(finalFlag(settings, "MaxHeapFreeRatio")).isEqualTo(70);
    }

    /** The value of the product flag {@code name} in a JVM started with {@code settings}' options. */
    private static long finalFlag(JvmSettings settings, String name) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(settings.options());
        command.addAll(List.of("-XX:+PrintFlagsFinal", "-version"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        Process java = builder.start();
        String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(java.waitFor(60, TimeUnit.SECONDS)).as("java -version ended").isTrue();
        assertThat(java.exitValue()).as(command + " printed:\n" + output).isZero();
        Matcher flag = Pattern.compile("\\s" + name + "\\s+= (\\d+)").matcher(output);
        assertThat(flag.find()).as(name + " in\n" + output).isTrue();
        return Long.parseLong(flag.group(1));
    }

    private void write(String path, String content) throws Exception {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
