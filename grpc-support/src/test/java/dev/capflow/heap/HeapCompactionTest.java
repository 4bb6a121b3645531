package dev.capflow.heap;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A JVM with the services' collector and free ratios, whose heap grew under a load that is gone, commits far less heap
 * after one compaction, and keeps its own free ratios for later collections.
 */
class HeapCompactionTest {

    private static final int RETAINED_MB = 120;

    @Test
    void theHeapGrownByALoadIsGivenBackAndTheRatiosRestored() throws Exception {
        List<String> probe = runProbe(
                "-XX:+UseSerialGC",
                "-Xms16m",
                "-Xmx384m",
                "-XX:NewSize=4m",
                "-XX:MaxNewSize=64m",
                "-XX:NewRatio=1",
                "-XX:MinHeapFreeRatio=40",
                "-XX:MaxHeapFreeRatio=70");

        long before = Long.parseLong(probe.get(0));
        long after = Long.parseLong(probe.get(1));
        assertThat(before).isGreaterThan(RETAINED_MB * (1L << 20));
        assertThat(after).isLessThan(before / 4);
        assertThat(probe.subList(2, 4)).containsExactly("40", "70");
    }

    @Test
    void withoutShrinkingInStepsOneCollectionGivesItBack() throws Exception {
        List<String> probe = runProbe(
                "-XX:+UseSerialGC",
                "-Xms16m",
                "-Xmx384m",
                "-XX:-ShrinkHeapInSteps",
                "-XX:MinHeapFreeRatio=10",
                "-XX:MaxHeapFreeRatio=30");

        assertThat(Long.parseLong(probe.get(1))).isLessThan(Long.parseLong(probe.get(0)) / 4);
        assertThat(probe.subList(2, 4)).containsExactly("10", "30");
    }

    private static List<String> runProbe(String... jvmOptions) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Probe.class.getName()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return List.of(output.strip().split("\\s+"));
    }

    /** Fills the old generation, lets it all die, compacts: committed heap before and after, then both ratios. */
    public static final class Probe {

        public static void main(String[] args) {
            fillAndDrop();
            HeapCompaction.Result result = new HeapCompaction(0, 10).compact();
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            System.out.println(result.committedBefore() + " " + result.committedAfter() + " "
                    + vm.getVMOption("MinHeapFreeRatio").getValue() + " "
                    + vm.getVMOption("MaxHeapFreeRatio").getValue());
        }

        /** Holds RETAINED_MB of arrays at once (promoted: the old generation grows), then lets them die. */
        private static void fillAndDrop() {
            List<byte[]> load = new ArrayList<>();
            for (int i = 0; i < RETAINED_MB * 4; i++) {
                load.add(new byte[256 * 1024]);
            }
            load.clear();
        }
    }
}
