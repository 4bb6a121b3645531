package dev.capflow.devstack.launcher;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** One {@code up} or {@code down} at a time: an OS file lock, released by the system even when the holder dies. */
final class LauncherLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private LauncherLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static LauncherLock take(StackLayout layout) throws IOException, LaunchException {
        Files.createDirectories(layout.state());
        Path file = layout.state().resolve("launcher.lock");
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException heldByThisProcess) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new LaunchException("another ./capflow up or down is running; wait for it to finish");
        }
        return new LauncherLock(channel, lock);
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
