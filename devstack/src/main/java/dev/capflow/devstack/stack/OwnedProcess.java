package dev.capflow.devstack.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * A process this launcher started, known by its pid (from a pid file) and a piece of its command line, so that a
 * pid the system has since given to another program is never taken for ours, nor signalled.
 */
public record OwnedProcess(long pid, String commandLinePart) {

    /** The process of {@code pid} when it is alive and its command line contains {@code commandLinePart}. */
    public static Optional<OwnedProcess> find(long pid, String commandLinePart) {
        Optional<String> commandLine = commandLine(pid);
        return commandLine.isPresent() && commandLine.get().contains(commandLinePart)
                ? Optional.of(new OwnedProcess(pid, commandLinePart))
                : Optional.empty();
    }

    /** The process whose pid {@code pidFile} holds (see {@link #find(long, String)}); empty without a valid file. */
    public static Optional<OwnedProcess> fromPidFile(Path pidFile, String commandLinePart) throws IOException {
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        return parsePid(Files.readString(pidFile, StandardCharsets.US_ASCII).trim())
                .flatMap(pid -> find(pid, commandLinePart));
    }

    /** {@code text} as a pid, empty when it is none. */
    public static Optional<Long> parsePid(String text) {
        return text != null && text.matches("[0-9]{1,10}") ? Optional.of(Long.parseLong(text)) : Optional.empty();
    }

    /** Whether it is still alive and still ours. */
    public boolean alive() {
        return find(pid, commandLinePart).isPresent();
    }

    /**
     * SIGTERM, then SIGKILL when it is still running after {@code grace}; answers whether it had to be killed.
     * Does nothing when the pid is no longer ours.
     */
    public boolean stop(Duration grace) throws InterruptedException {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !alive()) {
            return false;
        }
        handle.get().destroy();
        // the monotonic clock: a wall clock set forward (a virtual machine catching up) would cut the grace short
        long deadline = System.nanoTime() + grace.toNanos();
        while (alive() && System.nanoTime() - deadline < 0) {
            Thread.sleep(200);
        }
        if (!alive()) {
            return false;
        }
        handle.get().destroyForcibly();
        while (alive()) {
            Thread.sleep(100);
        }
        return true;
    }

    /** The command line of {@code pid}, arguments separated by spaces; empty when there is no such process. */
    public static Optional<String> commandLine(long pid) {
        Path proc = Path.of("/proc", Long.toString(pid), "cmdline");
        if (Files.isReadable(proc)) {
            try {
                String line = new String(Files.readAllBytes(proc), StandardCharsets.UTF_8)
                        .replace('\0', ' ')
                        .trim();
                // a zombie has an empty command line: it is no longer running
                return line.isEmpty() ? Optional.empty() : Optional.of(line);
            } catch (IOException gone) {
                return Optional.empty();
            }
        }
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .flatMap(p -> p.info().commandLine());
    }
}
